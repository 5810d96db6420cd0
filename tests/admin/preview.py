"""What a browser sends back from the import preview: every previewed document with its
hidden text and corrections and the form's values as shown, changed where a test says."""

IMPORT_URL = "/admin/archive/article/import/"
# Two voices, neither introduced, both ending turns with a question mark: the parser guesses
# (Tom asks) and flags the split; read, Mira asks and Tom answers.
UNSURE_TRANSCRIPT = """Notes from the garden

Mira: Tell me about the roses this year, the ones by the wall that you planted in spring.

Tom: They did well. The rain helped?

Mira: And the apples, the old trees behind the house that your grandfather planted.

Tom: Not so good. A late frost took most of the blossom?

Mira: What about next year, and the plans for the new beds by the pond.

Tom: More beans. Always more beans?
"""


def preview_data(response, changes=None, action="update"):
    data = {"docs": str(len(response.context["previews"])), action: action}
    for preview in response.context["previews"]:
        prefix = preview["prefix"]
        data[f"{prefix}-name"] = preview["name"]
        data[f"{prefix}-text"] = preview["text"]
        if "form" not in preview:
            data[f"{prefix}-error"] = preview["error"]
            continue
        data[f"{prefix}-corrections"] = preview["corrections"]
        form = preview["form"]
        for name in form.fields:
            value = form[name].value()
            if value not in (None, False, ""):
                data[form[name].html_name] = "on" if value is True else value
    for key, value in (changes or {}).items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    return data


def paragraph_field(response, text, doc=0):
    """The name of the select beside the paragraph that contains ``text``."""
    form = response.context["previews"][doc]["form"]
    for item in form.pairs():
        for _part, paragraph, control in item["rows"]:
            if text in paragraph and control is not None:
                return control.html_name
    raise AssertionError(f"no paragraph with {text!r} and a control")


def label_field(response, label, doc=0):
    form = response.context["previews"][doc]["form"]
    return next(f.html_name for f in form.label_fields() if f.label == label)


def import_all(client, text, name="", follow=False, **extra):
    """Paste (or upload as ``name``) then press Import on the preview, unchanged."""
    from django.core.files.uploadedfile import SimpleUploadedFile  # noqa: PLC0415

    upload = {"files": [SimpleUploadedFile(name, text.encode())]} if name else {"text": text}
    preview = client.post(IMPORT_URL, {**upload, **extra})
    return client.post(IMPORT_URL, preview_data(preview, action="confirm"), follow=follow)
