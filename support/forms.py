import unicodedata

from django import forms
from django.db.models import Q
from django.urls import reverse_lazy
from django.utils.text import format_lazy

from diseases.models import Disease

from .models import PHONE_VALIDATOR, ConnectionRequest

SUGGESTION_LIMIT = 5


def _no_control_characters(value):
    if any(unicodedata.category(char) == "Cc" for char in value):
        raise forms.ValidationError("Please use letters, spaces and punctuation only, on a single line.")


class DiseaseLookup:
    """Finds the published disease a parent typed: by slug, by name, then by another name."""

    def __init__(self, text, *, preferred_slug=""):
        self.text = " ".join((text or "").split())
        self.preferred_slug = preferred_slug
        self.suggestions = []

    def find(self):
        published = Disease.objects.published().only("pk", "name", "slug")
        if not self.text:
            return None
        by_slug = published.filter(slug=self.text.lower()).first()
        if by_slug:
            return by_slug
        named = list(published.filter(name__iexact=self.text).order_by("pk")[: SUGGESTION_LIMIT + 1])
        if not named:
            named = list(
                published.filter(synonyms__name__iexact=self.text)
                .distinct()
                .order_by("pk")[: SUGGESTION_LIMIT + 1]
            )
        if len(named) == 1:
            return named[0]
        preferred = [disease for disease in named if disease.slug == self.preferred_slug]
        if preferred:
            return preferred[0]
        if named:
            self.suggestions = named[:SUGGESTION_LIMIT]
        elif len(self.text) >= 3:
            self.suggestions = list(
                published.filter(
                    Q(name__icontains=self.text) | Q(slug__icontains=self.text.lower())
                ).order_by("name", "pk")[:SUGGESTION_LIMIT]
            )
        return None


class ConnectionRequestForm(forms.Form):
    disease = forms.CharField(
        label="Your child's disease",
        max_length=255,
        help_text="Type the name of the disease, as it appears on its page on this site.",
        error_messages={"required": "Please tell us which disease your child has."},
        widget=forms.TextInput(
            attrs={
                "autocomplete": "off",
                "data-autocomplete": format_lazy("{}?type=disease", reverse_lazy("diseases:suggest")),
                # static/js/combobox.js: a chosen suggestion fills in the name and its slug.
                "data-autocomplete-action": "fill",
                "data-autocomplete-target": "#id_disease_slug",
                "spellcheck": "false",
            }
        ),
    )
    # Set when the page was opened from a disease page, to tell apart two diseases with the same name.
    disease_slug = forms.SlugField(required=False, widget=forms.HiddenInput)
    # One of the "did you mean" suggestions shown after an unknown disease.
    disease_choice = forms.SlugField(required=False)
    parent_name = forms.CharField(
        label="Your name",
        max_length=150,
        validators=[_no_control_characters],
        error_messages={"required": "Please tell us your name."},
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label="Your email address",
        max_length=254,
        help_text="We will send you a link to confirm it.",
        error_messages={
            "required": "Please give us your email address.",
            "invalid": "This does not look like an email address. It should look like name@example.org.",
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    phone = forms.CharField(
        label="Your phone number (optional)",
        max_length=32,
        required=False,
        validators=[PHONE_VALIDATOR],
        widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
    )
    relationship = forms.ChoiceField(
        label="Your relationship to the child",
        choices=[("", "Choose one")] + ConnectionRequest.Relationship.choices,
        error_messages={"required": "Please choose how you are related to the child."},
    )
    child_age_band = forms.ChoiceField(
        label="Your child's age",
        choices=[("", "Choose one")] + ConnectionRequest.AgeBand.choices,
        error_messages={"required": "Please choose your child's age."},
    )
    country = forms.CharField(
        label="Country",
        max_length=100,
        validators=[_no_control_characters],
        error_messages={"required": "Please tell us which country you live in."},
        widget=forms.TextInput(attrs={"autocomplete": "country-name"}),
    )
    region = forms.CharField(
        label="Region, state or nearest city (optional)",
        max_length=100,
        required=False,
        validators=[_no_control_characters],
        help_text="It helps us find a family near you.",
        widget=forms.TextInput(attrs={"autocomplete": "address-level1"}),
    )
    language = forms.CharField(
        label="Language you would like to speak",
        max_length=60,
        validators=[_no_control_characters],
        error_messages={"required": "Please tell us which language you would like to speak."},
    )
    message = forms.CharField(
        label="What do you hope for? (optional)",
        max_length=1000,
        required=False,
        help_text="A few words for our coordinator, for example what you would like to talk about. "
        "Up to 1,000 characters. We do not pass this on to the other family.",
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    share_name = forms.BooleanField(label="My name", required=False)
    share_email = forms.BooleanField(label="My email address", required=False)
    share_phone = forms.BooleanField(label="My phone number", required=False)
    share_location = forms.BooleanField(label="My country and region", required=False)
    consented_to_share = forms.BooleanField(
        label="I agree that you give the details I ticked above to a family I accept to meet.",
        error_messages={"required": "We can only introduce you to another family if you agree to this."},
    )
    privacy_acknowledged = forms.BooleanField(
        label="I have read the privacy notice.",
        error_messages={"required": "Please read the privacy notice and tick this box."},
    )
    # Honeypot: hidden from people and screen readers; a bot filling in every field fills this one too.
    website = forms.CharField(
        label="Leave this field empty",
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )
    form_token = forms.CharField(widget=forms.HiddenInput, max_length=500)

    SHARE_FIELDS = ConnectionRequest.SHARE_FIELDS

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.disease_suggestions = []
        for name, field in self.fields.items():
            if field.help_text:
                field.widget.attrs.setdefault("aria-describedby", f"id_{name}_help")
            # maxlength belongs on text inputs only; on a hidden one it is invalid HTML.
            if isinstance(field, forms.CharField) and field.max_length and not field.widget.is_hidden:
                field.widget.attrs["maxlength"] = str(field.max_length)

    def mark_errors(self):
        """Point each invalid input at its message, so screen readers read it with the field."""
        for name in self.errors:
            if name not in self.fields:
                continue
            attrs = self.fields[name].widget.attrs
            described = [part for part in [attrs.get("aria-describedby"), f"id_{name}_error"] if part]
            attrs["aria-describedby"] = " ".join(described)
            attrs["aria-invalid"] = "true"

    @property
    def is_bot(self):
        return bool(self.data.get("website", "").strip())

    def clean_disease(self):
        return " ".join(self.cleaned_data["disease"].split())

    def clean(self):
        data = super().clean()
        choice = data.get("disease_choice")
        disease = None
        if choice:
            disease = Disease.objects.published().only("pk", "name", "slug").filter(slug=choice).first()
        if disease is None and data.get("disease"):
            lookup = DiseaseLookup(data["disease"], preferred_slug=data.get("disease_slug", ""))
            disease = lookup.find()
            if disease is None:
                self.disease_suggestions = lookup.suggestions
                if lookup.suggestions:
                    message = (
                        "We could not find exactly “%(text)s” in our list. Did you mean one of the diseases "
                        "below? Choose one, or change what you typed."
                    )
                else:
                    message = (
                        "We could not find “%(text)s” in our list of diseases. Please check the spelling, "
                        "or open the disease's page on this site and use its “Ask to connect” button."
                    )
                self.add_error("disease", forms.ValidationError(message, params={"text": data["disease"]}))
        data["disease_obj"] = disease
        if not (data.get("share_email") or data.get("share_phone")):
            self.add_error(
                "share_email",
                "Please tick at least your email address or your phone number, so the other family can reach you.",
            )
        if data.get("share_phone") and not data.get("phone") and "phone" not in self.errors:
            self.add_error("phone", "Please add your phone number, or untick sharing it below.")
        return data

    def service_arguments(self):
        data = self.cleaned_data
        return {
            "disease": data["disease_obj"],
            "parent_name": data["parent_name"],
            "email": data["email"],
            "phone": data["phone"],
            "relationship": data["relationship"],
            "child_age_band": data["child_age_band"],
            "country": data["country"],
            "region": data["region"],
            "language": data["language"],
            "message": data["message"],
            "consented_to_share": data["consented_to_share"],
            "privacy_acknowledged": data["privacy_acknowledged"],
            **{field: data[field] for field in self.SHARE_FIELDS},
        }
