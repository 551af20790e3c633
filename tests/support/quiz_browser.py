"""Answering the quick quiz in a real browser, in English or in Spanish (tests/browser)."""

from playwright.sync_api import expect

# An Artistic-Investigative student, in each language's words for the answer scale: a clear
# profile that the test catalogue's Creating cluster fits, so the results show matches.
ANSWERS = {
    "en": {
        "R": "Dislike",
        "I": "Like",
        "A": "Strongly like",
        "S": "Strongly dislike",
        "E": "Not sure",
        "C": "Dislike",
    },
    "es": {
        "R": "No me gusta",
        "I": "Me gusta",
        "A": "Me gusta mucho",
        "S": "No me gusta nada",
        "E": "No lo sé",
        "C": "No me gusta",
    },
}
SAVED = {"en": "Saved", "es": "Guardada"}


def answer_page(
    page, areas: dict[str, str], *, language="en", skip_last=0, wait_for_save=True
) -> int:
    """Answer the statements on the current page (`areas`: statement text -> area); with
    htmx, wait for each save. Returns how many statements the page has."""
    fieldsets = page.locator("fieldset.quiz-item")
    count = fieldsets.count()
    for index in range(count - skip_last):
        fieldset = fieldsets.nth(index)
        text = fieldset.locator("legend").inner_text().split(". ", 1)[1].strip()
        fieldset.get_by_label(ANSWERS[language][areas[text]], exact=True).check()
        if wait_for_save:
            expect(fieldset.locator(".saved")).to_contain_text(SAVED[language])
    return count
