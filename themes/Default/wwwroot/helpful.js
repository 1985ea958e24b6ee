// Loaded by the Q&A pages only (Views/QuestionColumn), not with site.js: every other page stays within its weight budget.
// "Câu trả lời này có hữu ích không?" (Views/QuestionColumn/_QuestionCard.cshtml). The cached page's form carries no
// antiforgery token, so the vote takes one from its confirmation page, posts in place and puts the thanks page's heading
// in the form's live region. Without this script, or when a step fails, the browser opens the confirmation instead.
document.addEventListener("submit", async (event) => {
  const form = event.target instanceof HTMLFormElement && event.target.matches("form[data-helpful]") ? event.target : null;
  const button = event.submitter;
  if (!form || !(button instanceof HTMLButtonElement)) {
    return;
  }
  event.preventDefault();
  const choices = form.querySelector(".qa-helpful__choices");
  const status = form.querySelector("[data-helpful-status]");
  const read = async (response) => new DOMParser().parseFromString(await response.text(), "text/html");
  try {
    const confirmation = await fetch(form.action, { credentials: "same-origin" });
    const hidden = confirmation.ok ? (await read(confirmation)).querySelectorAll("form.qa-helpful--confirm input[type=hidden]") : [];
    if (hidden.length === 0) {
      throw new Error("no confirmation");
    }
    const body = new URLSearchParams([...hidden].map((input) => [input.name, input.value]));
    body.append(button.name, button.value);
    const response = await fetch(form.action, { method: "POST", body, credentials: "same-origin" });
    const thanks = response.ok && response.redirected ? (await read(response)).querySelector("h1")?.textContent : null;
    if (!thanks) {
      throw new Error("not stored");
    }
    choices.hidden = true;
    status.textContent = thanks;
    status.tabIndex = -1;
    status.focus();
  } catch {
    window.location.assign(`${form.action}?${new URLSearchParams([[button.name, button.value]])}`);
  }
});
