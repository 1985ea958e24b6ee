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
  const upload = document.createElement("a");
  upload.href = picker.dataset.upload;
  upload.target = "_blank";
  upload.rel = "noopener";
  upload.textContent = "Tải ảnh mới lên thư viện (mở thẻ mới)";
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

// A video goes up in parts (the form alone would carry at most one request's worth), with a progress bar. After a
// dropped connection the script asks the server how much it holds and goes on from there; choosing the same file again
// after a reload resumes the upload it remembers for that file. Without script the form sends small videos whole.
const videoForm = document.querySelector("form[data-video-upload]");
if (videoForm) {
  const input = videoForm.querySelector("input[type=file]");
  const box = document.getElementById("tai-len-video");
  const bar = document.getElementById("tai-len-video-thanh");
  const text = document.getElementById("tai-len-video-chu");
  const headers = { RequestVerificationToken: videoForm.querySelector("input[name=__RequestVerificationToken]").value };
  const partSize = 8 * 1024 * 1024;
  const megabytes = (bytes) => (bytes / 1048576).toLocaleString("vi-VN", { maximumFractionDigits: 1 });
  const problem = async (response) => {
    const body = await response.json().catch(() => ({}));
    return Object.values(body.errors || {}).flat()[0] || body.detail || "Không tải lên được video.";
  };
  const show = (offset, length, words) => {
    bar.max = length;
    bar.value = offset;
    text.textContent = words || `Đã tải lên ${megabytes(offset)} / ${megabytes(length)} MB (${Math.floor((offset * 100) / length)} %).`;
  };
  const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  videoForm.addEventListener("submit", async (event) => {
    const file = input.files[0];
    if (!file || !/\.(mp4|mov|webm)$/i.test(file.name)) return;
    event.preventDefault();
    const button = videoForm.querySelector("button[type=submit]");
    button.disabled = true;
    box.hidden = false;
    const key = `tai-len:${file.name}:${file.size}:${file.lastModified}`;
    try {
      let upload = null;
      const remembered = localStorage.getItem(key);
      if (remembered) {
        const response = await fetch(remembered, { credentials: "same-origin" });
        if (response.ok) upload = await response.json();
      }
      if (!upload) {
        const response = await fetch(videoForm.dataset.videoUpload, {
          method: "POST", credentials: "same-origin", headers: { ...headers, "Content-Type": "application/json" },
          body: JSON.stringify({ fileName: file.name, length: file.size }),
        });
        if (!response.ok) throw new Error(await problem(response));
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
          if (response.status >= 400 && response.status < 500 && response.status !== 409) throw new Error(await problem(response));
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
        body: JSON.stringify({ altText: videoForm.querySelector("[name=AltText]").value }),
      });
      if (!finished.ok) throw new Error(await problem(finished));
      localStorage.removeItem(key);
      location.reload();
    } catch (error) {
      if (!(error instanceof TypeError)) localStorage.removeItem(key);
      text.textContent = error instanceof TypeError ? "Mất kết nối. Hãy chọn lại tệp và bấm Tải lên để tải tiếp." : error.message;
      button.disabled = false;
    }
  });
}
