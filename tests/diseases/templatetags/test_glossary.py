from django.template import Context, Template

from diseases.pages.glossary import Glossary

ROWS = [(1, "anemia", "anemia", '["anemia"]', "Too few red blood cells.")]
TEMPLATE = Template(
    "{% load glossary %}<p>{{ first|explained:marks }}</p><p>{{ second|explained:marks }}</p>"
)


def test_explained_marks_the_first_use_on_the_page_across_the_texts_it_is_given():
    html = TEMPLATE.render(
        Context({"first": "Anemia & <more>", "second": "anemia", "marks": Glossary(ROWS, "v").for_page()})
    )

    assert html.count('class="glossary-word"') == 1
    assert "&amp; &lt;more&gt;</p><p>anemia</p>" in html


def test_explained_only_escapes_the_text_on_a_page_without_a_glossary():
    html = TEMPLATE.render(Context({"first": "Anemia & <more>", "second": "anemia", "marks": None}))

    assert html == "<p>Anemia &amp; &lt;more&gt;</p><p>anemia</p>"
