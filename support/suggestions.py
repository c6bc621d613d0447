"""Suggested matches for the coordinator: other verified requests for the same disease, closest first."""

from dataclasses import dataclass

from django.db.models import Q

from .models import ConnectionMatch, ConnectionRequest, comparable

CANDIDATE_CAP = 2000


@dataclass(frozen=True)
class Suggestion:
    request: ConnectionRequest
    distance: tuple  # (place, age, language): compared in that order, smaller is closer
    reasons: list


def _place_distance(a, b):
    if comparable(a.country) != comparable(b.country):
        return 2, "lives in another country"
    if a.region and comparable(a.region) == comparable(b.region):
        return 0, "same region"
    return 1, "same country"


def _age_distance(a, b):
    if a.age_position is None or b.age_position is None:
        return 2, "child's age unknown"
    gap = abs(a.age_position - b.age_position)
    return gap, "child the same age" if gap == 0 else f"child's age {b.get_child_age_band_display().lower()}"


def _language_distance(a, b):
    if comparable(a.language) == comparable(b.language):
        return 0, f"speaks {b.language}"
    return 1, f"prefers {b.language}"


def candidates_for(request):
    """One query: verified requests for the same disease, never a pair that was proposed before."""
    proposed_before = ConnectionMatch.objects.filter(Q(first=request) | Q(second=request))
    return (
        ConnectionRequest.objects.waiting_for_match(request.disease_id)
        .exclude(pk=request.pk)
        .exclude(pk__in=proposed_before.values("first_id"))
        .exclude(pk__in=proposed_before.values("second_id"))
        .only("pk", "country", "region", "child_age_band", "language", "created_at", "verified_at")
        .order_by("verified_at", "pk")[:CANDIDATE_CAP]
    )


def suggested_matches(request, *, limit=10):
    if request.status != ConnectionRequest.Status.VERIFIED:
        return []
    suggestions = []
    for candidate in candidates_for(request):
        place, place_reason = _place_distance(request, candidate)
        age, age_reason = _age_distance(request, candidate)
        language, language_reason = _language_distance(request, candidate)
        suggestions.append(
            Suggestion(
                request=candidate,
                distance=(place, age, language),
                reasons=[place_reason, age_reason, language_reason],
            )
        )
    # Place first, then age, then language; among equals, whoever has waited longest (a stable sort).
    suggestions.sort(key=lambda suggestion: suggestion.distance)
    return suggestions[:limit]
