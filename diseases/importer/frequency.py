"""How often a symptom occurs: HPO frequency terms, fractions and percentages mapped to the page's bands.

Decisions the HPO leaves to us:

- HP:0040280 "Obligate" (100%) goes into the top band, as GARD shows it.
- A share is banded by value: 80% or more -> band 1, 30% -> 2, 5% -> 3, 1% -> 4.
- A share above 0 but under 1% goes into band 4, the rarest band we show: the symptom is seen, rarely.
- A count of 0 (``0/11``) means the study saw nobody with it. That does not say how often it occurs,
  and "1–4%" would overstate it, so it goes to "not available" (band 9). It is not an exclusion: only
  the NOT qualifier or HP:0040285 says a feature is absent.
- A blank frequency is "not available".
"""

import re

from diseases.models import Annotation

Band = Annotation.Band

FREQUENCY_TERM_BANDS = {
    "HP:0040280": Band.VERY_FREQUENT.value,  # Obligate, 100%
    "HP:0040281": Band.VERY_FREQUENT.value,  # Very frequent, 80–99%
    "HP:0040282": Band.FREQUENT.value,  # Frequent, 30–79%
    "HP:0040283": Band.OCCASIONAL.value,  # Occasional, 5–29%
    "HP:0040284": Band.RARE.value,  # Very rare, 1–4%
}
EXCLUDED_TERM = "HP:0040285"  # Excluded, 0%: the feature is absent

FRACTION = re.compile(r"^(\d+)\s*/\s*(\d+)$")
PERCENTAGE = re.compile(r"^(\d+(?:\.\d+)?)\s*%$")


def band_for_percentage(value: float) -> int:
    for threshold, band in ((80, Band.VERY_FREQUENT), (30, Band.FREQUENT), (5, Band.OCCASIONAL)):
        if value >= threshold:
            return band.value
    return Band.RARE.value if value > 0 else Band.NOT_AVAILABLE.value


def frequency_band(raw: str) -> tuple[int, bool]:
    """``(band, is_excluded)`` for a frequency as the HPOA file gives it; ValueError if unreadable."""
    raw = raw.strip()
    if not raw:
        return Band.NOT_AVAILABLE.value, False
    if raw == EXCLUDED_TERM:
        return Band.NOT_AVAILABLE.value, True
    if raw in FREQUENCY_TERM_BANDS:
        return FREQUENCY_TERM_BANDS[raw], False
    if match := FRACTION.match(raw):
        numerator, denominator = int(match.group(1)), int(match.group(2))
        if denominator == 0 or numerator > denominator:
            raise ValueError(f'the frequency "{raw}" is not a share of people (n/m with n ≤ m, m > 0).')
        return band_for_percentage(100 * numerator / denominator), False
    if match := PERCENTAGE.match(raw):
        value = float(match.group(1))
        if value > 100:
            raise ValueError(f'the frequency "{raw}" is more than 100%.')
        return band_for_percentage(value), False
    raise ValueError(
        f'the frequency "{raw}" is not an HPO frequency term (HP:0040280 to HP:0040285), '
        "a fraction such as 7/13 or a percentage such as 45%."
    )
