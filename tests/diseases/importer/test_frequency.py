import pytest

from diseases.importer.frequency import frequency_band
from diseases.models import Annotation

Band = Annotation.Band


@pytest.mark.parametrize(
    ("raw", "band"),
    [
        ("HP:0040280", Band.VERY_FREQUENT),  # obligate: shown in the top band
        ("HP:0040281", Band.VERY_FREQUENT),
        ("HP:0040282", Band.FREQUENT),
        ("HP:0040283", Band.OCCASIONAL),
        ("HP:0040284", Band.RARE),
    ],
)
def test_hpo_frequency_terms_map_to_their_band(raw, band):
    assert frequency_band(raw) == (band, False)


@pytest.mark.parametrize(
    ("raw", "band"),
    [
        ("13/13", Band.VERY_FREQUENT),
        ("4/5", Band.VERY_FREQUENT),
        ("7/13", Band.FREQUENT),
        ("3/10", Band.FREQUENT),
        ("1/20", Band.OCCASIONAL),
        ("1/100", Band.RARE),
        ("1/200", Band.RARE),  # under 1%: still seen, so the rarest band
        ("0/11", Band.NOT_AVAILABLE),  # seen in nobody studied: how often is not known
    ],
)
def test_fractions_map_by_value(raw, band):
    assert frequency_band(raw) == (band, False)


@pytest.mark.parametrize(
    ("raw", "band"),
    [
        ("100%", Band.VERY_FREQUENT),
        ("80%", Band.VERY_FREQUENT),
        ("79.6%", Band.FREQUENT),
        ("30%", Band.FREQUENT),
        ("29.9%", Band.OCCASIONAL),
        ("5%", Band.OCCASIONAL),
        ("4.5%", Band.RARE),
        ("1%", Band.RARE),
        ("0.5%", Band.RARE),
    ],
)
def test_percentages_map_by_value(raw, band):
    assert frequency_band(raw) == (band, False)


def test_blank_frequency_is_not_available():
    assert frequency_band("") == (Band.NOT_AVAILABLE, False)


def test_the_excluded_term_is_an_exclusion_outside_the_bands():
    assert frequency_band("HP:0040285") == (Band.NOT_AVAILABLE, True)


@pytest.mark.parametrize("raw", ["often", "HP:0001744", "3/0", "5/4", "120%"])
def test_unreadable_frequencies_are_refused(raw):
    with pytest.raises(ValueError, match=raw):
        frequency_band(raw)
