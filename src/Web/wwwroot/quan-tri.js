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
