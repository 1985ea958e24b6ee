// The editor area's small script. Everything here is an aid: every form works and every page reads without it.
document.documentElement.classList.add("js");

// On a phone the side navigation is a menu behind the "Menu" button; on a wide screen it is always there.
const menuButton = document.querySelector(".bar__menu");
const sideNav = document.getElementById("dieu-huong");
if (menuButton && sideNav) {
  menuButton.hidden = false;
  menuButton.addEventListener("click", () => {
    const open = sideNav.classList.toggle("is-open");
    menuButton.setAttribute("aria-expanded", String(open));
    if (open) sideNav.querySelector("a")?.focus();
  });
}

// Destructive steps ask first, saying what will happen (the form's data-confirm); without script the same words sit
// beside the button and the step goes straight through.
for (const form of document.querySelectorAll("form[data-confirm]")) {
  form.addEventListener("submit", (event) => {
    if (form.dataset.confirmed === "true") return;
    if (!form.checkValidity()) return;
    event.preventDefault();
    const dialog = document.createElement("dialog");
    dialog.className = "confirm";
    dialog.setAttribute("aria-labelledby", "xac-nhan-tieu-de");
    dialog.setAttribute("aria-describedby", "xac-nhan-noi-dung");
    const title = document.createElement("h2");
    title.id = "xac-nhan-tieu-de";
    title.textContent = form.dataset.confirmTitle || "Xác nhận thao tác";
    const text = document.createElement("p");
    text.id = "xac-nhan-noi-dung";
    text.textContent = form.dataset.confirm;
    const row = document.createElement("div");
    row.className = "actions";
    const go = document.createElement("button");
    go.type = "button";
    go.className = "button button--danger-solid";
    go.textContent = form.dataset.confirmButton || "Đồng ý";
    const cancel = document.createElement("button");
    cancel.type = "button";
    cancel.className = "button button--secondary";
    cancel.textContent = "Hủy, không thực hiện";
    row.append(go, cancel);
    dialog.append(title, text, row);
    document.body.append(dialog);
    const opener = event.submitter;
    const close = () => { dialog.close(); dialog.remove(); opener?.focus(); };
    cancel.addEventListener("click", close);
    dialog.addEventListener("cancel", (e) => { e.preventDefault(); close(); });
    go.addEventListener("click", () => {
      form.dataset.confirmed = "true";
      dialog.close();
      dialog.remove();
      form.requestSubmit(opener && opener.form === form ? opener : undefined);
    });
    dialog.showModal();
    cancel.focus();
  });
}

// Side-by-side preview: the server renders the Markdown with the public pipeline, so what the
// editor sees is what citizens will see. Without script the form still saves.
const source = document.querySelector("textarea[data-preview]");
if (source) {
  const target = document.getElementById(source.dataset.preview);
  const token = source.form.querySelector("input[name=__RequestVerificationToken]").value;
  let timer;
  const render = async () => {
    const body = new URLSearchParams({ markdownText: source.value });
    const response = await fetch("/quan-tri/xem-truoc-noi-dung", {
      method: "POST", body, headers: { RequestVerificationToken: token }, credentials: "same-origin",
    });
    if (response.ok) target.innerHTML = await response.text();
  };
  source.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(render, 300); });
  render();
}

// Rebuild progress: poll while the server says a rebuild runs, then reload to show the result.
const progressBox = document.getElementById("tien-do");
if (progressBox && progressBox.dataset.running === "true") {
  const bar = document.getElementById("tien-do-thanh");
  const text = document.getElementById("tien-do-chu");
  const poll = async () => {
    const response = await fetch("/quan-tri/tim-kiem/tien-do", { credentials: "same-origin" });
    if (!response.ok) return;
    const status = await response.json();
    bar.max = Math.max(status.total, 1);
    bar.value = status.indexed;
    text.textContent = `Đang xây dựng lại: ${status.indexed}/${status.total} bài viết.`;
    if (status.running) setTimeout(poll, 500); else location.reload();
  };
  setTimeout(poll, 500);
}

// A long list of posts to choose from (the replacing post): a search box above it keeps only the titles that match.
// Without script the list is an ordinary drop-down, which also jumps to a title as one types.
for (const select of document.querySelectorAll("select[data-filterable]")) {
  const fold = (text) => text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();
  const search = document.createElement("input");
  search.type = "search";
  search.id = `${select.id}-tim`;
  search.setAttribute("aria-controls", select.id);
  const label = document.createElement("label");
  label.htmlFor = search.id;
  label.textContent = select.dataset.filterable;
  const options = [...select.options].map((o) => ({ option: o, text: fold(o.text) }));
  search.addEventListener("input", () => {
    const words = fold(search.value).split(/\s+/).filter(Boolean);
    let first = null;
    for (const { option, text } of options) {
      const shown = option.value === "" || words.every((w) => text.includes(w));
      option.hidden = !shown;
      if (shown && option.value !== "" && !first) first = option;
    }
    if (words.length && first && (select.selectedOptions[0]?.hidden || select.value === "")) select.value = first.value;
  });
  (select.labels[0] ?? select).before(label, search);
}
