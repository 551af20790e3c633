# US dates written out ("December 1, 2026"): the site never abbreviates a month.
DATE_FORMAT = "F j, Y"
MONTH_DAY_FORMAT = "F j"
YEAR_MONTH_FORMAT = "F Y"
SHORT_DATETIME_FORMAT = "M j, Y, P"
