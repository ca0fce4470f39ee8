// The briefing page: fit the frame to the briefing it shows (without JavaScript the frame scrolls).
document.addEventListener("DOMContentLoaded", () => {
  for (const frame of document.querySelectorAll("iframe[data-fit-content]")) {
    const fit = () => {
      const doc = frame.contentDocument;
      if (doc && doc.body && doc.readyState === "complete") frame.style.height = `${doc.body.scrollHeight + 32}px`;
    };
    frame.addEventListener("load", fit);
    fit();
  }
});
