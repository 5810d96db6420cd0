// Comfort only: every control here is a plain link or text without JavaScript.
document.addEventListener("DOMContentLoaded", () => {
  const copy = async (text, status) => {
    try {
      await navigator.clipboard.writeText(text);
      if (status) status.textContent = "Copied";
      return true;
    } catch (err) {
      if (status) status.textContent = "Select the text and copy it";
      return false;
    }
  };
  document.querySelectorAll("a.copy-link[data-copy]").forEach((link) => {
    link.addEventListener("click", (event) => {
      event.preventDefault();
      copy(link.dataset.copy, link.parentElement.querySelector(".copy-status"));
      link.dataset.copied = "true";
    });
  });
  // A citation: the button carries the plain text of what the page shows beside it.
  document.querySelectorAll("button[data-copy]").forEach((button) => {
    const label = button.textContent;
    button.hidden = false;
    button.addEventListener("click", async () => {
      button.textContent = (await copy(button.dataset.copy)) ? "Copied" : "Select the text and copy it";
      setTimeout(() => { button.textContent = label; }, 2500);
    });
  });
  document.querySelectorAll("button[data-copy-from]").forEach((button) => {
    const source = document.getElementById(button.dataset.copyFrom);
    if (!source) return;
    button.hidden = false;
    button.addEventListener("click", async () => {
      source.select();
      if (await copy(source.value)) button.textContent = "Copied";
    });
  });
});
