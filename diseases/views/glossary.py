"""The glossary page: every entry A–Z, each with an anchor the disease pages' explanations link to."""

from django.shortcuts import render

from diseases.freshness import public_page
from diseases.models import Disease
from diseases.pages.glossary import Glossary


@public_page
def glossary(request):
    groups = Glossary.current().a_to_z()
    present = {group.letter for group in groups}
    letters = [(letter, letter in present) for letter in Disease.INDEX_LETTERS]
    return render(
        request,
        "diseases/glossary.html",
        {"groups": groups, "letters": letters, "count": sum(len(group.entries) for group in groups)},
    )
