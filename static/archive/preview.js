// Comfort only: the import preview works as a plain form (press "Update preview").
// With JavaScript, changing a label's role recomputes the split at once.
document.addEventListener("DOMContentLoaded", () => {
  const form = document.querySelector("form.import-preview-form");
  if (!form) return;
  const update = form.querySelector('input[name="update"]');
  form.querySelectorAll(".preview-labels select").forEach((select) => {
    select.addEventListener("change", () => {
      if (update) form.requestSubmit(update);
    });
  });
});
