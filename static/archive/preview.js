// Comfort only: the import preview works as a plain form (press "Update preview").
// With JavaScript, changing a label's role recomputes the split at once, and the controls
// left as they were are not sent (a long transcript has one beside every paragraph, and
// Django refuses a form of more than DATA_UPLOAD_MAX_NUMBER_FIELDS values).
document.addEventListener("DOMContentLoaded", () => {
  const form = document.querySelector("form.import-preview-form");
  if (!form) return;
  const update = form.querySelector('input[name="update"]');
  form.querySelectorAll(".preview-labels select").forEach((select) => {
    select.addEventListener("change", () => {
      if (update) form.requestSubmit(update);
    });
  });
  form.addEventListener("submit", () => {
    form.querySelectorAll(".paragraph-control select").forEach((select) => {
      if (select.value === "") select.disabled = true;
    });
  });
  // Back from the next page, the browser may restore the form as it was when sent.
  window.addEventListener("pageshow", () => {
    form.querySelectorAll(".paragraph-control select").forEach((select) => {
      select.disabled = false;
    });
  });
});
