import pytest
from django.contrib.auth.models import Group

from diseases.models import Disease
from tests.factories import DiseaseFactory
from tests.helpers import restore_role_groups

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "a long and memorable passphrase"


def make_staff(django_user_model, username, group):
    user = django_user_model.objects.create_user(username, password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    return user


def log_in(page, base_url, username):
    page.context.clear_cookies()
    page.goto(f"{base_url}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_selector("#site-name")


def test_editor_writes_reviewer_publishes_reader_sees_it(live_server, page, django_user_model):
    restore_role_groups()  # an earlier transactional test may have flushed them
    make_staff(django_user_model, "edna", "Editors")
    make_staff(django_user_model, "rory", "Reviewers")
    disease = DiseaseFactory(name="Example browser syndrome", status=Disease.Status.DRAFT, treatment="")
    change_url = f"{live_server.url}/admin/diseases/disease/{disease.pk}/change/"

    assert page.goto(live_server.url + disease.get_absolute_url()).status == 404

    log_in(page, live_server.url, "edna")
    page.goto(change_url)
    page.fill("#id_treatment", "Most children need **regular check-ups** with a blood specialist.")
    page.click("#id_treatment + .markdown-tools button")  # the editor previews what readers will see
    assert page.locator("#id_treatment-preview strong").inner_text() == "regular check-ups"
    page.click("input[name=_continue]")
    page.wait_for_selector(".messagelist .success")
    assert page.locator("button[form=workflow-publish]").count() == 0
    page.click("button[form=workflow-send_to_review]")
    page.wait_for_selector("text=Sent to review")

    log_in(page, live_server.url, "rory")
    page.goto(change_url)
    page.click("button[form=workflow-publish]")
    page.wait_for_selector("text=Published: Example browser syndrome")

    page.context.clear_cookies()
    page.goto(live_server.url + disease.get_absolute_url())
    assert page.locator("#treatment strong").inner_text() == "regular check-ups"
    assert page.locator(".banner-preview").count() == 0


def test_an_edit_to_a_published_page_waits_for_a_reviewer(live_server, page, django_user_model):
    restore_role_groups()
    make_staff(django_user_model, "edna", "Editors")
    make_staff(django_user_model, "rory", "Reviewers")
    disease = DiseaseFactory(name="Example revised syndrome", treatment="Children see a blood specialist.")
    change_url = f"{live_server.url}/admin/diseases/disease/{disease.pk}/change/"
    reader = page.context.browser.new_context().new_page()  # a family, in a browser of its own
    reader.goto(live_server.url + disease.get_absolute_url())

    log_in(page, live_server.url, "edna")
    page.goto(change_url)
    page.fill("#id_treatment", "Children see a blood specialist **twice a year**.")
    page.click("input[name=_continue]")
    page.wait_for_selector("text=Readers still see the published page")
    page.click("button[form=revision-submit]")
    page.wait_for_selector("text=Revision #")

    reader.reload()  # meanwhile the reader still sees the published text
    assert reader.locator("#treatment .prose p").inner_text() == "Children see a blood specialist."

    log_in(page, live_server.url, "rory")
    page.goto(change_url)
    page.click("#revision-bar >> text=Review it")
    # all_inner_texts() does not wait: wait for the review page's diff to be there first.
    page.wait_for_selector("#revision-fields ins")
    assert "twice a year" in " ".join(page.locator("#revision-fields ins").all_inner_texts())
    page.click("text=Approve and publish now")
    page.wait_for_selector(".messagelist .success")

    # Reloading asks the server again (with the page's ETag), which answers with the new text.
    reader.reload()
    assert reader.locator("#treatment strong").inner_text() == "twice a year"
    reader.context.close()
