// KlassenouderBot playground. Plain JS; every piece of user or bot text goes in through textContent,
// never innerHTML, so nothing typed in the chat can run as markup.
(function () {
  "use strict";

  const texts = {
    nl: {
      title: "KlassenouderBot · Speeltuin",
      subtitle: "Oefen-groepschat. Alles blijft in het geheugen van deze server.",
      room: "Chat", groep: "Groep", temperature: "Temperatuur", reset: "Leegmaken",
      whoTypes: "Wie typt er?", time: "Tijd", timeNow: "Nu", timeLate: "Vanavond 23:30", timeCustom: "Zelf kiezen…",
      placeholder: "Typ een bericht…", send: "Verstuur",
      alertsTitle: "Meldingen", alertsTitleFor: "Meldingen voor {name} (klassenouder)",
      alertsHint: "Meldingen gaan alleen naar de klassenouder, nooit naar de groep.",
      noAlerts: "Geen meldingen. Fijn!",
      privateTitle: "Privé van KlassenouderBot",
      privateHint: "Wat elke ouder privé van de bot krijgt. Alleen die ouder ziet het.",
      nothingPrivate: "Nog niets",
      chatTitle: "Klassenapp {room}", chatTitleGroep: "Klassenapp groep {groep}",
      people: "{n} ouders in deze chat", noGroep: "niet gekoppeld",
      emptyChat: "Nog geen berichten. Kies wie er typt en stuur iets.",
      bot: "KlassenouderBot",
      levels: { calm: "rustig", warming: "warm", heated: "verhit", escalated: "geëscaleerd", unknown: "onbekend" },
      levelUnknownHint: "De engine geeft (nog) geen niveau door.",
      kinds: { nudge: "Privé tip", alert: "Melding", faq: "Antwoord", notice: "Bericht", group: "Bericht", message: "Bericht" },
      roles: { ouder: "ouder", klassenouder: "klassenouder", leerkracht: "leerkracht", directeur: "directeur", contact: "contact" },
      confirmReset: "Alle berichten in deze chat wissen?",
      failed: "Er ging iets mis: {detail}",
      offline: "De server is niet bereikbaar.",
    },
    en: {
      title: "KlassenouderBot · Playground",
      subtitle: "Practice group chat. Everything stays in this server's memory.",
      room: "Chat", groep: "Class", temperature: "Temperature", reset: "Clear",
      whoTypes: "Who is typing?", time: "Time", timeNow: "Now", timeLate: "Tonight 23:30", timeCustom: "Pick a time…",
      placeholder: "Type a message…", send: "Send",
      alertsTitle: "Alerts", alertsTitleFor: "Alerts for {name} (class parent)",
      alertsHint: "Alerts go to the class parent only, never to the group.",
      noAlerts: "No alerts. Good!",
      privateTitle: "Private from KlassenouderBot",
      privateHint: "What each parent receives privately from the bot. Only that parent sees it.",
      nothingPrivate: "Nothing yet",
      chatTitle: "Class chat {room}", chatTitleGroep: "Class chat groep {groep}",
      people: "{n} parents in this chat", noGroep: "not linked",
      emptyChat: "No messages yet. Pick who is typing and send something.",
      bot: "KlassenouderBot",
      levels: { calm: "calm", warming: "warming", heated: "heated", escalated: "escalated", unknown: "unknown" },
      levelUnknownHint: "The engine does not report a level (yet).",
      kinds: { nudge: "Private tip", alert: "Alert", faq: "Answer", notice: "Notice", group: "Message", message: "Message" },
      roles: { ouder: "parent", klassenouder: "class parent", leerkracht: "teacher", directeur: "head", contact: "contact" },
      confirmReset: "Clear every message in this chat?",
      failed: "Something went wrong: {detail}",
      offline: "The server cannot be reached.",
    },
  };

  const $ = (id) => document.getElementById(id);
  let lang = localStorage.getItem("kob-lang") === "en" ? "en" : "nl";
  let room = new URLSearchParams(location.search).get("room") || "groep-5";
  let state = null;
  let lastRendered = "";

  function t(key, values) {
    const value = texts[lang][key] ?? texts.nl[key] ?? key;
    return typeof value === "string" && values
      ? value.replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ""))
      : value;
  }

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function clockTime(iso) {
    const date = new Date(iso);
    return date.toLocaleTimeString(lang === "en" ? "en-GB" : "nl-NL", { hour: "2-digit", minute: "2-digit" });
  }

  // A stable, soft colour per author so the group chat is easy to follow.
  function authorColour(name) {
    let hash = 0;
    for (const ch of name) hash = (hash * 31 + ch.codePointAt(0)) >>> 0;
    return `hsl(${hash % 360} 45% 35%)`;
  }

  // ISO-8601 with the browser's own offset, so "23:30" means 23:30 where the tester sits.
  function isoAt(hours, minutes) {
    const d = new Date();
    d.setHours(hours, minutes, 0, 0);
    const pad = (n) => String(Math.abs(n)).padStart(2, "0");
    const offset = -d.getTimezoneOffset();
    const sign = offset >= 0 ? "+" : "-";
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:00` +
      `${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`;
  }

  function chosenTime() {
    const choice = $("time-select").value;
    if (choice === "late") return isoAt(23, 30);
    if (choice === "custom" && $("time-custom").value) {
      const [h, m] = $("time-custom").value.split(":").map(Number);
      return isoAt(h, m);
    }
    return null;
  }

  function showBanner(message) {
    const banner = $("banner");
    banner.textContent = message || "";
    banner.hidden = !message;
  }

  async function api(path, options) {
    let response;
    try {
      response = await fetch(path, { headers: { "Content-Type": "application/json" }, ...options });
    } catch {
      showBanner(t("offline"));
      return null;
    }
    const body = await response.json().catch(() => null);
    if (!response.ok) {
      showBanner(t("failed", { detail: (body && (body.detail || body.title)) || response.status }));
      return null;
    }
    showBanner("");
    return body;
  }

  function applyStaticTexts() {
    document.documentElement.lang = lang;
    document.title = t("title");
    for (const node of document.querySelectorAll("[data-i18n]")) node.textContent = t(node.dataset.i18n);
    for (const node of document.querySelectorAll("[data-i18n-placeholder]")) node.placeholder = t(node.dataset.i18nPlaceholder);
    $("lang-toggle").textContent = lang === "nl" ? "EN" : "NL";
  }

  function fillSelect(select, values, selected, label) {
    const current = [...select.options].map((o) => o.value).join("\n");
    if (current !== values.join("\n")) {
      select.replaceChildren(...values.map((v) => { const o = el("option", null, label ? label(v) : v); o.value = v; return o; }));
    }
    if (selected !== undefined && selected !== null) select.value = selected;
  }

  function renderHeader(s) {
    fillSelect($("room-select"), s.rooms, s.room);
    const hasSchool = s.groepen.length > 0;
    $("groep-select").hidden = !hasSchool;
    $("groep-input").hidden = hasSchool;
    if (hasSchool) {
      fillSelect($("groep-select"), s.groep ? s.groepen : ["", ...s.groepen], s.groep ?? "", (v) => v || "—");
    } else if (document.activeElement !== $("groep-input")) {
      $("groep-input").value = s.groep ?? "";
    }

    const level = s.escalationLevel || "unknown";
    $("temperature").dataset.level = level;
    $("temperature-value").textContent = t("levels")[level] ?? level;
    $("temperature").title = s.escalationLevel ? "" : t("levelUnknownHint");
  }

  function renderChat(s) {
    $("chat-title").textContent = s.groep ? t("chatTitleGroep", { groep: s.groep }) : t("chatTitle", { room: s.room });
    $("chat-people").textContent = `${t("people", { n: s.participants.length })} · ${s.participants.map((p) => p.name).join(", ")}`;

    const author = $("author-select").value;
    fillSelect($("author-select"), s.participants.map((p) => p.name), author || s.participants[0]?.name);

    const lines = [
      ...s.messages.map((m) => ({ ...m, bot: false })),
      ...s.botMessages.map((m) => ({ ...m, bot: true, author: t("bot") })),
    ].sort((a, b) => a.seq - b.seq);

    const list = $("messages");
    if (lines.length === 0) {
      list.replaceChildren(el("li", "empty", t("emptyChat")));
      return;
    }
    const me = $("author-select").value;
    list.replaceChildren(...lines.map((line) => {
      const item = el("li", line.bot ? "msg bot" : line.author === me ? "msg own" : "msg");
      const who = el("div", "who", line.author);
      if (!line.bot) who.style.color = authorColour(line.author);
      item.append(who, el("div", "text", line.text), el("div", "when", clockTime(line.time)));
      return item;
    }));
    list.scrollTop = list.scrollHeight;
  }

  function privateLine(line) {
    const item = el("div", line.kind === "alert" ? "pm alert-kind" : "pm");
    const meta = el("div", "meta");
    meta.append(el("span", "tag", t("kinds")[line.kind] ?? line.kind), el("span", null, clockTime(line.time)));
    item.append(meta, el("div", "text", line.text));
    return item;
  }

  function renderSide(s) {
    $("alerts-title").textContent = s.classParent ? t("alertsTitleFor", { name: s.classParent }) : t("alertsTitle");
    const alerts = $("alerts");
    if (s.alerts.length === 0) {
      alerts.replaceChildren(el("li", "subtle", t("noAlerts")));
    } else {
      alerts.replaceChildren(...[...s.alerts].reverse().map((a) => {
        const item = el("li", "alert");
        const meta = el("div", "meta");
        meta.append(el("span", "tag", t("kinds").alert), el("span", null, clockTime(a.time)));
        item.append(meta, el("div", "text", a.text));
        return item;
      }));
    }

    // People with private messages first, so what the bot did is visible without scrolling.
    const inboxes = [...s.privateMessages].sort((a, b) => (b.messages.length > 0) - (a.messages.length > 0));
    $("inboxes").replaceChildren(...inboxes.map((inbox) => {
      const card = el("section", inbox.messages.length ? "inbox has-messages" : "inbox");
      const title = el("h3", null, inbox.name);
      title.append(el("span", "role", t("roles")[inbox.role] ?? inbox.role));
      card.append(title);
      if (inbox.messages.length === 0) card.append(el("p", "none", t("nothingPrivate")));
      else card.append(...inbox.messages.map(privateLine));
      return card;
    }));
  }

  function render(s, force) {
    const key = JSON.stringify(s) + lang + $("author-select").value;
    if (!force && key === lastRendered) return;
    lastRendered = key;
    state = s;
    renderHeader(s);
    renderChat(s);
    renderSide(s);
  }

  async function refresh() {
    const s = await api(`/playground/api/state?room=${encodeURIComponent(room)}`);
    if (s) render(s);
  }

  async function send(event) {
    event.preventDefault();
    const text = $("text").value;
    if (!text.trim()) return;
    $("send").disabled = true;
    const s = await api("/playground/api/messages", {
      method: "POST",
      body: JSON.stringify({ room, author: $("author-select").value, text, time: chosenTime() }),
    });
    $("send").disabled = false;
    if (s) {
      $("text").value = "";
      render(s);
    }
    $("text").focus();
  }

  async function link(groep) {
    if (!groep) return;
    const s = await api(`/playground/api/rooms/${encodeURIComponent(room)}/link`, { method: "POST", body: JSON.stringify({ groep }) });
    if (s) render(s);
  }

  $("composer").addEventListener("submit", send);
  $("text").addEventListener("keydown", (e) => {
    if (e.key === "Enter" && !e.shiftKey) { e.preventDefault(); $("composer").requestSubmit(); }
  });
  $("time-select").addEventListener("change", () => { $("time-custom").hidden = $("time-select").value !== "custom"; });
  $("author-select").addEventListener("change", () => state && render(state, true));
  $("room-select").addEventListener("change", () => { room = $("room-select").value; refresh(); });
  $("groep-select").addEventListener("change", () => link($("groep-select").value));
  $("groep-input").addEventListener("change", () => link($("groep-input").value.trim()));
  $("lang-toggle").addEventListener("click", () => {
    lang = lang === "nl" ? "en" : "nl";
    localStorage.setItem("kob-lang", lang);
    applyStaticTexts();
    if (state) render(state, true);
  });
  $("reset").addEventListener("click", async () => {
    if (!confirm(t("confirmReset"))) return;
    const s = await api(`/playground/api/rooms/${encodeURIComponent(room)}/reset`, { method: "POST" });
    if (s) render(s, true);
  });

  applyStaticTexts();
  refresh();
  // Bot messages can arrive without a send of our own (another tab, a timer in the engine).
  setInterval(refresh, 3000);
})();
