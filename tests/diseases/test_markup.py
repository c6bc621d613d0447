import pytest

from diseases.markup import cited_numbers, render_markdown

HOSTILE = [
    "<script>alert('x')</script>Hello",
    "[click](javascript:alert(1))",
    '<a href="javascript:alert(1)">x</a>',
    "<img src=x onerror=alert(1)>",
    '<iframe src="https://evil.example"></iframe>',
    '<p style="background:url(javascript:alert(1))" onclick="alert(1)">styled</p>',
    "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "<svg><script>alert(1)</script></svg>",
    "<style>body{display:none}</style>",
    "<form action=https://evil.example><input name=x></form>",
    "[x](JaVaScRiPt:alert(1))",
    "<object data=evil.swf></object><embed src=evil.swf>",
]


@pytest.mark.parametrize("source", HOSTILE)
def test_hostile_markdown_comes_out_harmless(source):
    html = str(render_markdown(source)).lower()
    for dangerous in [
        "<script",
        "javascript:",
        "onerror",
        "onclick",
        "<iframe",
        "style=",
        "<style",
        "data:",
        "<form",
        "<object",
        "<embed",
        "<svg",
        "<img",
    ]:
        assert dangerous not in html


def test_markdown_becomes_html():
    html = str(render_markdown("Some **bold** text.\n\n- one\n- two"))
    assert "<strong>bold</strong>" in html
    assert "<li>one</li>" in html


def test_safe_links_keep_their_scheme_and_get_rel():
    html = str(render_markdown("[NIH](https://www.nih.gov) and [mail](mailto:help@example.org)"))
    assert 'href="https://www.nih.gov"' in html
    assert 'href="mailto:help@example.org"' in html
    assert "noopener" in html


def test_citation_markers_link_to_the_reference_list():
    html = str(render_markdown("A fact.[1] Two facts.[2, 3]", anchor_prefix="cause"))
    assert 'href="#ref-1"' in html
    assert 'id="cause-cite-1"' in html
    assert 'href="#ref-3"' in html


def test_markdown_links_are_not_mistaken_for_citations():
    assert cited_numbers("See [1](https://example.org) and [2].") == [2]


def test_cited_numbers_expands_ranges_in_first_cited_order():
    assert cited_numbers("x[3] y[1-2] z[3]") == [3, 1, 2]


def test_empty_text_renders_nothing():
    assert render_markdown("   ") == ""
