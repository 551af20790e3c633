"""Titles we print with a dash ("Helpers—Electricians") are searched as separate words."""

from clusters.search import split_words


def test_dashes_separate_words():
    assert split_words("Helpers\u2014Electricians") == ["helpers", "electricians"]
    assert split_words("Grades 9\u201312") == ["grades", "9", "12"]
