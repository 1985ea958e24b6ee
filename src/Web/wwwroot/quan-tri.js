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

// A form that came back refused: the focus goes to its error summary, so the messages are read first; each message's
// link takes the focus to its field, found by name when the page gave the field an id of its own.
const errorSummary = document.querySelector(".error-summary");
if (errorSummary) {
  errorSummary.focus();
  for (const link of errorSummary.querySelectorAll("a[data-field]")) {
    link.addEventListener("click", (event) => {
      const field = document.getElementById(link.hash.slice(1)) || document.getElementsByName(link.dataset.field)[0];
      if (!field) return;
      event.preventDefault();
      field.scrollIntoView({ block: "center" });
      field.focus();
    });
  }
}

// Destructive steps ask first, saying what will happen (the form's data-confirm); without script the same words sit
// beside the button and the step goes straight through. A form tag helper writes a null attribute as an empty one, so
// the steps that need no confirmation carry data-confirm="" and are left alone.
for (const form of document.querySelectorAll("form[data-confirm]:not([data-confirm=''])")) {
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
for (const source of document.querySelectorAll("textarea[data-preview]")) {
  const target = document.getElementById(source.dataset.preview);
  const token = source.form.querySelector("input[name=__RequestVerificationToken]").value;
  let timer;
  const render = async () => {
    const body = new URLSearchParams({ markdownText: source.value, kind: source.dataset.previewKind || "post" });
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

// The Markdown toolbar: each button writes plain Markdown into the body at the cursor. It is one toolbar stop
// (arrow keys move between buttons, as screen readers expect of a toolbar); Ctrl+B and Ctrl+I work in the text too.
const bodyArea = document.querySelector("textarea[data-toolbar]");
if (bodyArea) {
  const changed = () => bodyArea.dispatchEvent(new Event("input", { bubbles: true }));
  const wrap = (before, after, placeholder) => {
    const { selectionStart: start, selectionEnd: end, value } = bodyArea;
    const text = value.slice(start, end) || placeholder;
    bodyArea.focus();
    bodyArea.setRangeText(before + text + after, start, end, "end");
    bodyArea.setSelectionRange(start + before.length, start + before.length + text.length);
    changed();
  };
  const prefixLines = (prefix) => {
    const { selectionStart: start, selectionEnd: end, value } = bodyArea;
    const lineStart = value.lastIndexOf("\n", start - 1) + 1;
    const block = value.slice(lineStart, end) || "";
    const lines = block.split("\n").map((line, i) => (typeof prefix === "function" ? prefix(i) : prefix) + line);
    bodyArea.focus();
    bodyArea.setRangeText(lines.join("\n"), lineStart, end, "end");
    changed();
  };
  // A block (image, table) goes after the line the cursor is on, never inside a word or a bold span.
  const insertBlock = (text) => {
    const { selectionEnd, value } = bodyArea;
    const lineEnd = value.indexOf("\n", selectionEnd) < 0 ? value.length : value.indexOf("\n", selectionEnd);
    const before = lineEnd > 0 ? (value[lineEnd - 1] === "\n" ? "\n" : "\n\n") : "";
    bodyArea.focus();
    bodyArea.setRangeText(before + text + "\n", lineEnd, lineEnd, "end");
    changed();
  };
  const tools = [
    ["Tiêu đề mục", "H", () => prefixLines("## ")],
    ["Chữ đậm (Ctrl+B)", "B", () => wrap("**", "**", "chữ đậm")],
    ["Chữ nghiêng (Ctrl+I)", "I", () => wrap("*", "*", "chữ nghiêng")],
    ["Danh sách gạch đầu dòng", "•", () => prefixLines("- ")],
    ["Danh sách đánh số", "1.", () => prefixLines((i) => `${i + 1}. `)],
    ["Liên kết", "🔗", () => wrap("[", "](https://)", "chữ hiển thị")],
    ["Bảng", "▦", () => insertBlock("| Cột 1 | Cột 2 |\n| --- | --- |\n| Nội dung | Nội dung |")],
    ["Trích dẫn", "❝", () => prefixLines("> ")],
  ];
  const bar = document.createElement("div");
  bar.setAttribute("role", "toolbar");
  bar.setAttribute("aria-label", "Định dạng nội dung");
  bar.setAttribute("aria-controls", bodyArea.id);
  bar.className = "md-toolbar";
  const buttons = tools.map(([label, glyph, run]) => {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "md-toolbar__button";
    // The name read aloud is the words; the glyph is what the eye sees (hidden from screen readers).
    button.title = label;
    const mark = document.createElement("span");
    mark.setAttribute("aria-hidden", "true");
    mark.textContent = glyph;
    const name = document.createElement("span");
    name.className = "visually-hidden";
    name.textContent = label;
    button.append(mark, name);
    button.addEventListener("click", run);
    return button;
  });
  const picker = document.getElementById("anh-thu-vien");
  if (picker) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "md-toolbar__button md-toolbar__button--wide";
    button.textContent = "Chèn ảnh";
    button.setAttribute("aria-haspopup", "dialog");
    button.addEventListener("click", () => openImageDialog(picker, bodyArea, insertBlock));
    buttons.push(button);
  }
  buttons.forEach((b, i) => { b.tabIndex = i === 0 ? 0 : -1; });
  bar.addEventListener("keydown", (event) => {
    const index = buttons.indexOf(document.activeElement);
    if (index < 0) return;
    const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: buttons.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const target = buttons[(next + buttons.length) % buttons.length];
    buttons.forEach((b) => { b.tabIndex = b === target ? 0 : -1; });
    target.focus();
  });
  bar.append(...buttons);
  bodyArea.before(bar);
  bodyArea.addEventListener("keydown", (event) => {
    if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
    if (event.key.toLowerCase() === "b") { event.preventDefault(); tools[1][2](); }
    if (event.key.toLowerCase() === "i") { event.preventDefault(); tools[2][2](); }
  });
}

// The image dialog: the unit's images as thumbnails; the chosen one goes into the body as Markdown with its alt text,
// or becomes the cover image. The library page stays the place to upload (each image with its required description).
function openImageDialog(picker, area, insertBlock) {
  const dialog = document.createElement("dialog");
  dialog.className = "image-dialog";
  dialog.setAttribute("aria-labelledby", "anh-tieu-de");
  const title = document.createElement("h2");
  title.id = "anh-tieu-de";
  title.textContent = "Chèn ảnh từ thư viện của đơn vị";
  const list = document.createElement("div");
  list.className = "image-dialog__grid";
  list.setAttribute("role", "radiogroup");
  list.setAttribute("aria-label", "Ảnh trong thư viện");
  const items = [...picker.querySelectorAll("li[data-id]")];
  let chosen = null;
  const cover = document.getElementById("CoverImageId");
  const radios = items.map((item, i) => {
    const label = document.createElement("label");
    label.className = "image-dialog__item";
    const radio = document.createElement("input");
    radio.type = "radio";
    radio.name = "anh-chon";
    radio.value = item.dataset.id;
    radio.addEventListener("change", () => { chosen = item; });
    const img = document.createElement("img");
    img.src = item.dataset.thumb;
    img.alt = "";
    img.width = 160;
    img.height = 90;
    const caption = document.createElement("span");
    caption.textContent = item.dataset.alt || item.dataset.file;
    label.append(radio, img, caption);
    list.append(label);
    if (i === 0) { radio.checked = true; chosen = item; }
    return radio;
  });
  const row = document.createElement("div");
  row.className = "actions";
  const insert = document.createElement("button");
  insert.type = "button";
  insert.className = "button";
  insert.textContent = "Chèn vào nội dung";
  const setCover = document.createElement("button");
  setCover.type = "button";
  setCover.className = "button button--secondary";
  setCover.textContent = "Đặt làm ảnh đại diện";
  const cancel = document.createElement("button");
  cancel.type = "button";
  cancel.className = "button button--secondary";
  cancel.textContent = "Đóng";
  let upload;
  if (openUpload && picker.dataset.mayUpload === "true") {
    upload = document.createElement("button");
    upload.type = "button";
    upload.className = "button button--secondary";
    upload.textContent = "Tải ảnh mới lên";
    upload.setAttribute("aria-haspopup", "dialog");
    upload.addEventListener("click", () => { close(); openUpload.image(insertBlock); });
  } else {
    upload = document.createElement("a");
    upload.href = picker.dataset.upload;
    upload.target = "_blank";
    upload.rel = "noopener";
    upload.textContent = "Tải ảnh mới lên thư viện (mở thẻ mới)";
  }
  row.append(insert, setCover, cancel);
  if (!items.length) {
    const empty = document.createElement("p");
    empty.className = "empty";
    empty.textContent = "Thư viện của đơn vị chưa có ảnh.";
    list.replaceWith(empty);
    insert.disabled = setCover.disabled = true;
    dialog.append(title, empty, row, upload);
  } else {
    dialog.append(title, list, row, upload);
  }
  document.body.append(dialog);
  const close = (focus) => { dialog.close(); dialog.remove(); (focus || area).focus(); };
  cancel.addEventListener("click", () => close());
  dialog.addEventListener("cancel", (e) => { e.preventDefault(); close(); });
  insert.addEventListener("click", () => {
    if (!chosen) return;
    const alt = (chosen.dataset.alt || "").replace(/[[\]]/g, "");
    close();
    insertBlock(`![${alt}](${chosen.dataset.url})`);
  });
  setCover.addEventListener("click", () => {
    if (!chosen || !cover) return;
    cover.value = chosen.dataset.id;
    cover.dispatchEvent(new Event("change", { bubbles: true }));
    close(cover);
  });
  dialog.showModal();
  (radios[0] || cancel).focus();
}

// A ProblemDetails answer as one Vietnamese sentence: the first field's message, else its detail.
const problemOf = async (response) => {
  if (response.status === 413) return "Tệp quá lớn so với giới hạn tải lên của máy chủ.";
  const body = await response.json().catch(() => ({}));
  return Object.values(body.errors || {}).flat()[0] || body.detail || "Không tải lên được tệp.";
};

const isVideoName = (name) => /\.(mp4|mov|webm)$/i.test(name);

// A video goes up in parts (a form alone would carry at most one request's worth), with a progress bar. After a
// dropped connection the script asks the server how much it holds and goes on from there; choosing the same file again
// after a reload resumes the upload it remembers for that file. The library page and the post form's upload dialog both
// send videos this one way. Answers the finished upload ({ id, fileName }); throws an Error with the server's reason,
// or a TypeError when the connection is gone for good.
async function sendVideo(file, createUrl, token, altText, show) {
  const headers = { RequestVerificationToken: token };
  const partSize = 8 * 1024 * 1024;
  const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  const key = `tai-len:${file.name}:${file.size}:${file.lastModified}`;
  try {
    let upload = null;
    const remembered = localStorage.getItem(key);
    if (remembered) {
      const response = await fetch(remembered, { credentials: "same-origin" });
      if (response.ok) upload = await response.json();
    }
    if (!upload) {
      const response = await fetch(createUrl, {
        method: "POST", credentials: "same-origin", headers: { ...headers, "Content-Type": "application/json" },
        body: JSON.stringify({ fileName: file.name, length: file.size }),
      });
      if (!response.ok) throw new Error(await problemOf(response));
      upload = await response.json();
      localStorage.setItem(key, upload.url);
    }
    let failures = 0;
    while (upload.offset < upload.length) {
      show(upload.offset, upload.length);
      try {
        const part = file.slice(upload.offset, upload.offset + partSize);
        const response = await fetch(`${upload.url}?offset=${upload.offset}`, {
          method: "PATCH", credentials: "same-origin", headers: { ...headers, "Content-Type": "application/octet-stream" }, body: part,
        });
        // A refused part (422, 403, 404) ends the upload; a conflict or a server fault means: ask where it stands.
        if (response.status >= 400 && response.status < 500 && response.status !== 409) throw new Error(await problemOf(response));
        if (!response.ok) throw new TypeError("retry");
        upload = await response.json();
        failures = 0;
      } catch (error) {
        if (!(error instanceof TypeError) || ++failures > 20) throw error;
        // The connection dropped: wait, then ask where the server stands and go on from there.
        show(upload.offset, upload.length, "Mất kết nối, đang thử tải tiếp…");
        await wait(Math.min(30000, 1000 * 2 ** failures));
        const response = await fetch(upload.url, { credentials: "same-origin" }).catch(() => null);
        if (response?.ok) upload = await response.json();
      }
    }
    show(upload.length, upload.length, "Đã tải lên đủ, đang kiểm tra tệp…");
    const finished = await fetch(`${upload.url}/xong`, {
      method: "POST", credentials: "same-origin", headers: { ...headers, "Content-Type": "application/json" },
      body: JSON.stringify({ altText }),
    });
    if (!finished.ok) throw new Error(await problemOf(finished));
    localStorage.removeItem(key);
    return await finished.json();
  } catch (error) {
    // A refusal is final; a lost connection keeps the upload to resume when the same file is chosen again.
    if (!(error instanceof TypeError)) localStorage.removeItem(key);
    throw error;
  }
}

// The progress of an upload in a bar and a sentence (read by screen readers from the sentence's live region).
const progressShower = (bar, text) => (offset, length, words) => {
  const megabytes = (bytes) => (bytes / 1048576).toLocaleString("vi-VN", { maximumFractionDigits: 1 });
  bar.max = length;
  bar.value = offset;
  text.textContent = words || `Đã tải lên ${megabytes(offset)} / ${megabytes(length)} MB (${Math.floor((offset * 100) / length)} %).`;
};

const lostConnection = "Mất kết nối. Hãy chọn lại tệp và bấm Tải lên để tải tiếp.";

// The library page: a video goes up in parts, then the page shows it in the list. Without script the form sends small
// videos whole.
const videoForm = document.querySelector("form.upload-form[data-video-upload]");
if (videoForm) {
  const input = videoForm.querySelector("input[type=file]");
  const box = document.getElementById("tai-len-video");
  const text = document.getElementById("tai-len-video-chu");
  const show = progressShower(document.getElementById("tai-len-video-thanh"), text);
  videoForm.addEventListener("submit", async (event) => {
    const file = input.files[0];
    if (!file || !isVideoName(file.name)) return;
    event.preventDefault();
    const button = videoForm.querySelector("button[type=submit]");
    button.disabled = true;
    box.hidden = false;
    try {
      await sendVideo(file, videoForm.dataset.videoUpload, videoForm.querySelector("input[name=__RequestVerificationToken]").value,
        videoForm.querySelector("[name=AltText]").value, show);
      location.reload();
    } catch (error) {
      text.textContent = error instanceof TypeError ? lostConnection : error.message;
      button.disabled = false;
    }
  });
}

// The procedure form's dossier lines (Views/ProceduresAdmin/Form.cshtml) read "name | originals | copies | form name | file".
// A file of the unit's library, picked from the list under them or just uploaded, becomes the fifth part of the line the
// caret is on (a textarea keeps its caret when the focus leaves it); the counts left out get the defaults the site reads.
const dossierLines = document.getElementById("Dossier");
const dossierFiles = document.getElementById("tep-mau");
const dossierStatus = document.getElementById("tep-mau-trang-thai");
function attachFormFile(fileName, uploaded = false) {
  const lines = dossierLines.value.split("\n");
  const index = dossierLines.value.slice(0, dossierLines.selectionStart).split("\n").length - 1;
  const parts = lines[index].split("|").map((part) => part.trim());
  if (!parts[0]) {
    return uploaded ? `Đã tải lên “${fileName}”; đặt con trỏ vào dòng giấy tờ cần mẫu rồi bấm “Ghi vào dòng đang chọn” bên tệp đó.`
      : "Vui lòng đặt con trỏ vào dòng giấy tờ cần mẫu rồi bấm lại “Ghi vào dòng đang chọn”.";
  }
  const defaults = ["", "1", "0", ""];
  while (parts.length < 5) parts.push(defaults[parts.length]);
  parts[4] = fileName;
  lines[index] = parts.join(" | ");
  dossierLines.value = lines.join("\n");
  return `${uploaded ? "Đã tải lên và ghi" : "Đã ghi"} “${fileName}” vào dòng ${index + 1} (${parts[0]}).`;
}
function offerFormFile(fileName) {
  const list = dossierFiles.querySelector("ul");
  list.querySelector("[data-empty]")?.remove();
  if ([...list.querySelectorAll("[data-form-file]")].some((button) => button.dataset.formFile === fileName)) return;
  const item = document.createElement("li");
  item.innerHTML = `<span class="file-name"></span> <button type="button" class="link-button">Ghi vào dòng đang chọn<span class="visually-hidden"></span></button>`;
  item.firstElementChild.textContent = fileName;
  const button = item.querySelector("button");
  button.dataset.formFile = fileName;
  button.lastElementChild.textContent = ` tệp ${fileName}`;
  list.prepend(item);
  const count = dossierFiles.querySelector("[data-count]");
  count.textContent = list.querySelectorAll("[data-form-file]").length;
}
if (dossierFiles) {
  dossierFiles.addEventListener("click", (event) => {
    const button = event.target.closest("[data-form-file]");
    if (!button) return;
    const said = attachFormFile(button.dataset.formFile);
    // Filled a moment later, so screen readers read a repeated message again.
    dossierStatus.textContent = "";
    setTimeout(() => { dossierStatus.textContent = said; }, 100);
  });
  for (const button of dossierFiles.querySelectorAll("[data-form-file]")) button.hidden = false;
}

// Uploading from a form without leaving it (a post, Views/EditorPosts/Edit.cshtml; a procedure): each "Tải … lên" button opens
// the one upload dialog, set up from the button's data (what it takes, how the description is named, whether it is
// required); the file goes to the library's own endpoints (a video in parts, as above) and is then chosen in the form:
// the cover image, an attachment ticked, the post's video, an image put in the body, or a dossier line's form. Nothing typed in the form is sent
// or lost. The dialog's status line says, aloud too, how the upload goes and why it was refused.
const uploadDialog = document.getElementById("tai-len-nhanh");
let openUpload = null;
if (uploadDialog) {
  const form = uploadDialog.querySelector("form");
  const fileInput = form.elements.File;
  const alt = form.elements.AltText;
  const altLabel = form.querySelector(`label[for=${alt.id}]`);
  const hint = document.getElementById("tai-len-nhanh-goi-y");
  const status = document.getElementById("tai-len-nhanh-trang-thai");
  const progress = form.querySelector(".upload-progress");
  const show = progressShower(progress.querySelector("progress"), status);
  const submit = form.querySelector("button[type=submit]");
  const token = form.querySelector("input[name=__RequestVerificationToken]").value;
  let current = null;
  const refuse = (message, field) => {
    status.textContent = message;
    if (field) { field.setAttribute("aria-invalid", "true"); field.focus(); }
  };
  const close = () => { uploadDialog.close(); };
  uploadDialog.addEventListener("close", () => current?.returnTo.focus());
  form.querySelector("[data-close]").addEventListener("click", close);
  openUpload = (opener, chosen, returnTo = opener) => {
    current = { opener, chosen, returnTo };
    form.reset();
    fileInput.accept = opener.dataset.accept;
    hint.textContent = opener.dataset.hint;
    altLabel.textContent = opener.dataset.altLabel;
    alt.required = opener.dataset.altRequired === "true";
    for (const field of [fileInput, alt]) field.removeAttribute("aria-invalid");
    status.textContent = "";
    progress.hidden = true;
    submit.disabled = false;
    uploadDialog.showModal();
    fileInput.focus();
  };
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    for (const field of [fileInput, alt]) field.removeAttribute("aria-invalid");
    const file = fileInput.files[0];
    if (!file) return refuse("Vui lòng chọn tệp cần tải lên.", fileInput);
    const extension = file.name.slice(file.name.lastIndexOf(".")).toLowerCase();
    if (!fileInput.accept.split(",").includes(extension)) return refuse(`Không chọn được tệp “${file.name}” ở đây. ${hint.textContent}`, fileInput);
    if (alt.required && !alt.value.trim()) return refuse("Vui lòng nhập mô tả ảnh (văn bản thay thế) cho người không xem được ảnh.", alt);
    submit.disabled = true;
    try {
      let uploaded;
      if (isVideoName(file.name)) {
        progress.hidden = false;
        const done = await sendVideo(file, form.dataset.videoUpload, token, alt.value, show);
        uploaded = { id: done.id, fileName: done.fileName, altText: alt.value.trim() || null };
      } else {
        status.textContent = `Đang tải lên “${file.name}”…`;
        const response = await fetch(form.action, {
          method: "POST", body: new FormData(form), credentials: "same-origin", headers: { Accept: "application/json" },
        });
        if (!response.ok) {
          const body = await response.clone().json().catch(() => ({}));
          return refuse(await problemOf(response), body.errors?.altText ? alt : fileInput);
        }
        uploaded = await response.json();
      }
      const said = current.chosen(uploaded);
      close();
      current.opener.dispatchEvent(new CustomEvent("uploaded", { detail: said }));
    } catch (error) {
      refuse(error instanceof TypeError ? lostConnection : error.message, fileInput);
    } finally {
      submit.disabled = false;
    }
  });

  // Each button says what it chose next to itself, in a live region made at the first upload (an empty status region on
  // every post form would only be noise), once the dialog has closed.
  for (const opener of document.querySelectorAll("button[data-upload-for]")) {
    opener.addEventListener("uploaded", (event) => {
      let done = opener.nextElementSibling?.matches("[data-upload-done]") ? opener.nextElementSibling : null;
      if (!done) {
        done = document.createElement("p");
        done.className = "field-hint";
        done.dataset.uploadDone = "";
        done.setAttribute("aria-live", "polite");
        opener.after(done);
      }
      // Filled a moment after the region exists, so screen readers, which watch regions already there, read it.
      setTimeout(() => { done.textContent = event.detail; }, 100);
    });
  }

  const imageList = document.getElementById("anh-thu-vien");
  const cover = document.getElementById("CoverImageId");
  const addOption = (select, value, text) => {
    const option = new Option(text, value);
    select.options[0].after(option);
    return option;
  };
  // A new image is offered by the cover choice and the body's image dialog alike.
  const offerImage = (image) => {
    addOption(cover, image.id, `${image.altText} (${image.fileName})`);
    const item = document.createElement("li");
    Object.assign(item.dataset, { id: image.id, alt: image.altText, file: image.fileName, url: image.url, thumb: image.previewUrl });
    imageList?.prepend(item);
  };
  const purposes = {
    CoverImageId: (image) => {
      offerImage(image);
      cover.value = image.id;
      cover.dispatchEvent(new Event("change", { bubbles: true }));
      return `Đã tải lên và chọn “${image.altText}” làm ảnh đại diện.`;
    },
    attachments: (file) => {
      const fieldset = document.querySelector("button[data-upload-for=attachments]").closest("fieldset");
      fieldset.querySelector("[data-empty]")?.remove();
      const row = document.createElement("div");
      row.className = "attachment-choice";
      row.innerHTML = `<input type="checkbox" name="AttachmentIds" checked><label></label><label class="visually-hidden"></label><input>`;
      const [box, name, titleLabel, title] = row.children;
      box.id = `dinh-kem-${file.id}`;
      box.value = file.id;
      name.htmlFor = box.id;
      name.textContent = file.fileName;
      title.id = `tieu-de-${file.id}`;
      title.name = `AttachmentTitles[${file.id}]`;
      title.value = file.altText || file.fileName;
      titleLabel.htmlFor = title.id;
      titleLabel.textContent = `Tiêu đề hiển thị của ${file.fileName}`;
      fieldset.querySelector("button[data-upload-for]").before(row);
      return `Đã tải lên và đính kèm “${file.fileName}” (${file.size}).`;
    },
    Dossier: (file) => {
      offerFormFile(file.fileName);
      return attachFormFile(file.fileName, true);
    },
    Video_FileId: (video) => {
      const select = document.getElementById("Video_FileId");
      const label = `${video.altText || video.fileName} (${video.fileName})`;
      const option = addOption(select, video.id, `${label} – Đang chờ chuyển mã.`);
      Object.assign(option.dataset, { label, state: "Đang chờ chuyển mã.", transcoding: `/quan-tri/thu-vien/${video.id}/chuyen-ma` });
      select.value = video.id;
      select.dispatchEvent(new Event("change", { bubbles: true }));
      return `Đã tải lên và chọn video “${video.fileName}”; video đang chờ chuyển mã.`;
    },
  };
  for (const opener of document.querySelectorAll("button[data-upload-for]")) {
    opener.hidden = false;
    opener.addEventListener("click", () => openUpload(opener, purposes[opener.dataset.uploadFor]));
  }
  // The body's image dialog uploads through the cover button's settings, and puts the new image into the text.
  openUpload.image = (insertBlock) => {
    const opener = document.querySelector("button[data-upload-for=CoverImageId]");
    openUpload(opener, (image) => {
      offerImage(image);
      insertBlock(`![${(image.altText || "").replace(/[[\]]/g, "")}](${image.url})`);
      return `Đã tải lên “${image.altText}” và chèn vào nội dung.`;
    }, bodyArea);
  };
}

// The post's video choice follows a video still transcoding (Video_FileId's options carry the address of its state):
// the option and the line under the choice say how far it is, then that it is done or why it failed.
const videoChoice = document.getElementById("Video_FileId");
if (videoChoice) {
  const state = document.getElementById("Video_FileId-state");
  let timer = null;
  const follow = async () => {
    clearTimeout(timer);
    const option = videoChoice.selectedOptions[0];
    if (state.textContent !== (option?.dataset.state || "")) state.textContent = option?.dataset.state || "";
    if (!option?.dataset.transcoding) return;
    const response = await fetch(option.dataset.transcoding, { credentials: "same-origin", headers: { Accept: "application/json" } }).catch(() => null);
    if (response?.ok) {
      const job = await response.json();
      option.dataset.state = job.text;
      option.textContent = job.finished && !/^Lỗi/.test(job.text) ? option.dataset.label : `${option.dataset.label} – ${job.text}`;
      if (job.finished) delete option.dataset.transcoding;
      if (videoChoice.selectedOptions[0] === option && state.textContent !== job.text) state.textContent = job.text;
    }
    if (option.dataset.transcoding) timer = setTimeout(follow, 3000);
  };
  videoChoice.addEventListener("change", follow);
  follow();
}
