// Keyboard review of proposals: j/k move, a accept, r reject, e edit, Esc back to the card.
// Clicking a proposal (or its "rad N" link) scrolls the minutes to its evidence line.
(function () {
  "use strict";
  const cards = Array.from(document.querySelectorAll("article.proposal"));
  if (!cards.length) return;
  let current = -1;

  function showLine(n) {
    document.querySelectorAll(".lines li.current").forEach((li) => li.classList.remove("current"));
    const li = n && document.getElementById("L" + n);
    if (!li) return;
    li.classList.add("current");
    const box = li.closest(".minutes");
    if (box && box.scrollHeight > box.clientHeight + 4) {
      box.scrollTo({ top: li.offsetTop - box.clientHeight / 3, behavior: "smooth" });
    } else {
      li.scrollIntoView({ block: "center", behavior: "smooth" });
    }
  }

  function select(i, focus) {
    if (i < 0 || i >= cards.length) return;
    cards.forEach((c) => c.classList.remove("selected"));
    current = i;
    const card = cards[i];
    card.classList.add("selected");
    if (focus !== false) card.focus({ preventScroll: false });
    showLine(card.dataset.line);
    history.replaceState(null, "", "#" + card.id);
  }

  function submit(action) {
    const card = cards[current];
    const form = card && card.querySelector("form.pform");
    if (!form) return;
    const button = form.querySelector('button[value="' + action + '"]');
    if (button) form.requestSubmit(button);
  }

  cards.forEach((card, i) => {
    card.addEventListener("click", (ev) => {
      if (ev.target.closest("input, select, button, textarea")) { if (current !== i) select(i, false); return; }
      if (ev.target.closest("a.evidence-link")) ev.preventDefault();
      select(i, !ev.target.closest("a"));
    });
    card.addEventListener("focusin", () => { if (current !== i) select(i, false); });
  });

  document.addEventListener("keydown", (ev) => {
    if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
    const typing = ev.target.closest && ev.target.closest("input, select, textarea");
    if (typing) {
      if (ev.key === "Escape") { ev.preventDefault(); cards[current] && cards[current].focus(); }
      return;
    }
    const key = ev.key.toLowerCase();
    if (key === "j") { ev.preventDefault(); select(Math.min(current + 1, cards.length - 1)); }
    else if (key === "k") { ev.preventDefault(); select(Math.max(current - 1, 0)); }
    else if (key === "a" && current >= 0) { ev.preventDefault(); submit("accept"); }
    else if (key === "r" && current >= 0) { ev.preventDefault(); submit("reject"); }
    else if (key === "e" && current >= 0) {
      const field = cards[current].querySelector('input[name="date"]');
      if (field) { ev.preventDefault(); field.focus(); }
    }
  });

  // Open at the card named in the address (after a save), at the card of a linked line
  // (#line-N, from an event page or the årshjul), or at the first pending one.
  const fromHash = cards.findIndex((c) => "#" + c.id === location.hash);
  const lineHash = /^#line-(\d+)$/.exec(location.hash);
  const fromLine = lineHash ? cards.findIndex((c) => c.dataset.line === lineHash[1]) : -1;
  const firstPending = cards.findIndex((c) => c.classList.contains("pending"));
  if (lineHash) { if (fromLine >= 0) select(fromLine, false); showLine(lineHash[1]); }
  else if (fromHash >= 0) select(fromHash);
  else if (firstPending >= 0) select(firstPending, false);
})();
