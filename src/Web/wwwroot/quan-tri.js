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
