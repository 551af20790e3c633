# Spanish dates ("1 de diciembre de 2026"), but US numbers ("$59,190", "4.5"): the figures are
# US dollars and US statistics, and US Spanish writes them the US way (see README, Spanish).
DATE_FORMAT = r"j \d\e F \d\e Y"
MONTH_DAY_FORMAT = r"j \d\e F"
YEAR_MONTH_FORMAT = r"F \d\e Y"
SHORT_DATETIME_FORMAT = r"j \d\e F \d\e Y, H:i"
DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
