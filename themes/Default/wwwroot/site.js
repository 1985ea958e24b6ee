// The theme's only script: pages work without it (print button, sharing, table hints, tabs, copy buttons).
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

// Wide tables (.table-wrap from the Markdown renderer, .table-scroll in the views): a written hint above a table
// that is wider than its box, so that a phone reader knows to swipe. Hidden again when the table fits.
(() => {
  const boxes = [...document.querySelectorAll(".table-wrap, .table-scroll")];
  if (boxes.length === 0) {
    return;
  }
  const hints = new Map();
  const update = () => {
    for (const box of boxes) {
      let hint = hints.get(box);
      if (!hint) {
        hint = document.createElement("p");
        hint.className = "table-hint";
        hint.setAttribute("aria-hidden", "true");
        hint.textContent = "Vuốt hoặc cuộn ngang để xem hết bảng";
        box.before(hint);
        hints.set(box, hint);
      }
      hint.hidden = box.scrollWidth <= box.clientWidth + 1;
    }
  };
  update();
  window.addEventListener("resize", update);
})();

// Search filters sit behind one "Lọc" control, closed as the server sends it (a phone's first screen shows the
// results); on a wide screen, where there is room, it opens.
(() => {
  if (window.matchMedia("(min-width: 40.01rem)").matches) {
    for (const details of document.querySelectorAll("details[data-open-when-wide]")) {
      details.open = true;
    }
  }
})();

// The citizen's forms: the file picker's Vietnamese face says which file was chosen; the receipt's code can be copied.
(() => {
  for (const input of document.querySelectorAll("[data-file-picker]")) {
    const name = input.parentElement?.querySelector("[data-file-name]");
    if (!name) {
      continue;
    }
    input.addEventListener("change", () => {
      name.textContent = input.files && input.files.length > 0 ? input.files[0].name : "Chưa chọn tệp nào";
    });
  }
  for (const block of document.querySelectorAll("[data-copy-block]")) {
    block.hidden = false;
  }
  document.addEventListener("click", async (event) => {
    const button = event.target instanceof Element ? event.target.closest("[data-copy-text]") : null;
    if (!button) {
      return;
    }
    const status = button.parentElement?.querySelector("[data-copy-status]");
    const text = button.getAttribute("data-copy-text") || "";
    try {
      await navigator.clipboard.writeText(text);
      if (status) status.textContent = "Đã sao chép mã " + text + ".";
    } catch {
      if (status) status.textContent = "Không sao chép được tự động; vui lòng ghi lại mã " + text + ".";
    }
  });
})();

// The contest paper (Views/Contests/Attempt.cshtml): each answer is saved as it is chosen, so a reload or a dropped
// connection loses nothing, and a countdown shows the time left. The server keeps the real limit; at zero the form is
// submitted with what was saved. Without this script the form sends every answer at once.
(() => {
  const form = document.querySelector("form[data-contest-save]");
  if (!form) {
    return;
  }
  const status = document.querySelector("[data-contest-status]");
  const token = form.querySelector("input[name=__RequestVerificationToken]");
  const save = async (question) => {
    const body = new URLSearchParams({ question, __RequestVerificationToken: token ? token.value : "" });
    form.querySelectorAll(`input[data-question="${question}"]:checked`).forEach((input) => body.append("option", input.value));
    try {
      const response = await fetch(form.getAttribute("data-contest-save"), { method: "POST", body, credentials: "same-origin" });
      status.textContent = response.ok ? "Đã lưu câu trả lời." : "Chưa lưu được câu trả lời; bài vẫn được nộp khi bấm Nộp bài.";
    } catch {
      status.textContent = "Mất kết nối; câu trả lời sẽ được gửi khi bấm Nộp bài.";
    }
  };
  form.addEventListener("change", (event) => {
    const question = event.target instanceof Element ? event.target.getAttribute("data-question") : null;
    if (question) {
      save(question);
    }
  });
  const timer = document.querySelector("[data-contest-deadline]");
  const countdown = document.querySelector("[data-contest-countdown]");
  const end = Date.now() + Number(timer.getAttribute("data-contest-deadline")) * 1000;
  const tick = () => {
    const left = Math.max(0, Math.round((end - Date.now()) / 1000));
    countdown.textContent = `${Math.floor(left / 60)} phút ${left % 60} giây`;
    if (left === 0) {
      clearInterval(interval);
      form.submit();
    }
  };
  const interval = setInterval(tick, 1000);
})();

// The survey form (Views/Surveys/Show.cshtml): a question shown only after a given answer of an earlier one is hidden
// (and its inputs disabled, so nothing hidden is sent) until that answer is chosen. Without this script every question
// shows with a line saying when to answer it, and the server drops answers to questions whose condition is not met.
(() => {
  const form = document.querySelector("form[data-survey-form]");
  if (!form) {
    return;
  }
  const dependents = [...form.querySelectorAll("fieldset[data-show-if]")].filter((f) => f.getAttribute("data-show-if").includes(":"));
  const update = () => {
    for (const fieldset of dependents) {
      const [question, option] = fieldset.getAttribute("data-show-if").split(":");
      const earlier = form.querySelector(`#cau-${question}`);
      const chosen = form.querySelector(`input[name="q${question}"][value="${option}"]:checked`);
      const shown = Boolean(chosen) && !(earlier && earlier.hidden);
      fieldset.hidden = !shown;
      fieldset.disabled = !shown;
    }
  };
  form.addEventListener("change", update);
  update();
})();

// An embedded video (Views/Shared/_PostContent.cshtml) loads its player only when the reader asks: the iframe waits in a
// template, so the page makes no request to the video's service before the click. Focus moves into the player.
(() => {
  const places = document.querySelectorAll("[data-embed]");
  for (const place of places) {
    const button = place.querySelector("[data-embed-load]");
    const template = place.querySelector("template");
    if (!button || !template) {
      continue;
    }
    button.hidden = false;
    button.addEventListener("click", () => {
      const player = template.content.querySelector("iframe").cloneNode(true);
      place.classList.add("video__embed--playing");
      place.replaceChildren(player);
      player.focus();
    });
  }
})();
