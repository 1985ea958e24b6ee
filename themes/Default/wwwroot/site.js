// The only script of the theme: the print button of the print view. Pages work without it.
document.addEventListener("click", (event) => {
  if (event.target instanceof Element && event.target.closest("[data-print]")) {
    window.print();
  }
});

// Sharing a post (Views/Shared/_Share.cshtml), with no third-party script. The buttons are hidden without this script.
// "Chia sẻ" opens the system share sheet where the browser has one (phones: Zalo, Messenger, mail…); the address is
// copied instead when the sheet cannot open. "Sao chép liên kết" copies the address; the status line says what happened.
(() => {
  const status = document.querySelector("[data-share-status]");
  if (!status) {
    return;
  }
  const say = (text) => { status.textContent = text; };
  const copy = async (url) => {
    try {
      await navigator.clipboard.writeText(url);
      say("Đã sao chép liên kết bài viết.");
    } catch {
      say("Không sao chép được tự động. Liên kết bài viết: " + url);
    }
  };
  const native = document.querySelector("[data-share-native]");
  if (native && typeof navigator.share === "function") {
    native.hidden = false;
  }
  const copyItem = document.querySelector("[data-share-copy]");
  if (copyItem) {
    copyItem.hidden = false;
  }
  document.addEventListener("click", async (event) => {
    if (!(event.target instanceof Element)) {
      return;
    }
    const shareButton = event.target.closest("[data-share-url]");
    if (shareButton) {
      const url = shareButton.getAttribute("data-share-url");
      try {
        await navigator.share({ title: shareButton.getAttribute("data-share-title") || document.title, url });
        say("");
      } catch (error) {
        // Closing the sheet is the reader's choice, not a failure.
        if (!(error instanceof DOMException && error.name === "AbortError")) {
          await copy(url);
        }
      }
      return;
    }
    const copyButton = event.target.closest("[data-copy-url]");
    if (copyButton) {
      await copy(copyButton.getAttribute("data-copy-url"));
    }
  });
})();
