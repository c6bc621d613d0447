from django import template
from django.utils.html import escape

register = template.Library()


@register.filter
def explained(text, page_glossary):
    """Plain ``text``, escaped, with the first use on the page of each glossary word opening its
    explanation: ``{{ definition.text|explained:page.glossary }}``.

    The page's ``PageGlossary`` (``diseases.pages.glossary``) remembers what it has explained, so
    apply this where the text is shown, in page order. Without one (a page built for the API, say),
    the text is only escaped.
    """
    if not page_glossary:
        return escape(text)
    return page_glossary.mark(text)
