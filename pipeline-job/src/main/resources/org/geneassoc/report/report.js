"use strict";
(function () {
  // Every text from an article reaches the page through textContent or an attribute, never as markup.
  const page = JSON.parse(document.getElementById("report-data").textContent);
  const report = page.report;
  const SPECIES = { "9606": "human", "10090": "mouse", "10116": "rat" };

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v !== null && v !== undefined) e.setAttribute(k, v);
    }
    for (const c of children) {
      if (c !== null && c !== undefined) e.append(c instanceof Node ? c : String(c));
    }
    return e;
  }
  function link(href, text) {
    return el("a", { href: href, target: "_blank", rel: "noopener noreferrer" }, text);
  }
  const geneUrl = id => "https://www.ncbi.nlm.nih.gov/gene/" + encodeURIComponent(id);
  const meshUrl = id => "https://meshb.nlm.nih.gov/record/ui?ui=" + encodeURIComponent(id);
  const fmt = (x, d) => (x === null || x === undefined ? "" : Number(x).toFixed(d));
  const species = taxon => SPECIES[taxon] || (taxon ? "taxon " + taxon : "");

  document.getElementById("source").textContent = page.source;
  const facts = document.getElementById("run-facts");
  for (const [label, value] of page.facts) {
    facts.append(el("div", null, el("dt", null, label), el("dd", null, value)));
  }
  if (report.severalRuns) {
    document.getElementById("news").hidden = false;
    const fresh = report.pairs.filter(p => p.isNew).length;
    document.getElementById("news-text").textContent = report.newDocuments.toLocaleString("en") + " of "
      + report.documents.toLocaleString("en") + " documents are new in the latest run (" + report.lastProcessed + "); "
      + fresh.toLocaleString("en") + " of the associations shown have an article from it, marked new.";
    document.getElementById("filter-new-label").hidden = false;
  }

  function bars(listId, items, label) {
    const list = document.getElementById(listId);
    const most = items.length ? items[0].articles : 1;
    for (const it of items) {
      const bar = el("span", { class: "bar", title: it.articles + " articles" });
      bar.style.width = Math.max(2, Math.round(120 * it.articles / most)) + "px";
      list.append(el("li", null, label(it), " ", el("span", { class: "note" }, "(" + it.articles + ")"), bar));
    }
  }
  bars("top-genes", report.topGenes, g => {
    const s = el("span", null, link(geneUrl(g.id), g.name || g.id));
    if (g.taxon) s.append(el("span", { class: "species" }, species(g.taxon)));
    return s;
  });
  bars("top-diseases", report.topDiseases, d => /^[CD]\d+$/.test(d.id) ? link(meshUrl(d.id), d.name || d.id) : (d.name || d.id));

  function sentence(s) {
    const q = el("blockquote", { class: "evidence" });
    let at = 0;
    for (const m of s.marks) {
      if (m.start < at) continue; // overlapping marks: the first wins
      q.append(s.text.slice(at, m.start));
      q.append(el("mark", { class: m.kind }, s.text.slice(m.start, m.end)));
      at = m.end;
    }
    q.append(s.text.slice(at));
    if (s.score !== null && s.score !== undefined) q.append(el("span", { class: "note" }, " sentence score " + fmt(s.score, 2)));
    return q;
  }

  function details(p) {
    const cell = el("td", { colspan: "8" });
    for (const a of p.evidence) {
      const info = report.articles[a.pmid] || {};
      const box = el("div", { class: "article" },
        el("div", null, el("strong", null, info.title || "(no title)"), info.isNew ? el("span", { class: "badge" }, "new") : null),
        el("div", { class: "meta" }, [info.journal, info.date, "PMID " + a.pmid, "score " + fmt(a.score, 2)].filter(Boolean).join(" · ")),
        el("div", null, link("https://pubmed.ncbi.nlm.nih.gov/" + encodeURIComponent(a.pmid) + "/", "PubMed"),
          link("https://europepmc.org/article/MED/" + encodeURIComponent(a.pmid), "Europe PMC")));
      for (const s of a.sentences) box.append(sentence(s));
      cell.append(box);
    }
    if (p.articles > p.evidence.length) {
      cell.append(el("p", { class: "note" }, (p.articles - p.evidence.length) + " more articles, not shown."));
    }
    return el("tr", { class: "details" }, cell);
  }

  function row(p) {
    const gene = el("td", { class: "gene" }, link(geneUrl(p.entrezId), el("span", { class: "symbol" }, p.symbol || p.entrezId)),
      el("span", { class: "species" }, species(p.taxon)));
    if (p.orthologSymbol) {
      gene.append(el("span", { class: "ortholog" }, "human ", link(geneUrl(p.orthologEntrezId), p.orthologSymbol)));
    }
    if (p.isNew) gene.append(el("span", { class: "badge" }, "new"));
    const disease = el("td", { class: "disease" }, el("span", { class: "disease-name" }, p.diseaseName || p.diseaseId));
    if (p.meshId) disease.append(" ", el("span", { class: "species" }, link(meshUrl(p.meshId), p.meshId)));
    const toggle = el("button", { type: "button", class: "toggle", "aria-expanded": "false", title: "articles and evidence" }, "+");
    const tr = el("tr", { class: "assoc" }, el("td", null, toggle), gene, disease,
      el("td", { class: "num best" }, fmt(p.bestScore, 3)), el("td", { class: "num" }, fmt(p.meanScore, 3)),
      el("td", null, p.type || ""), el("td", { class: "num" }, p.articles), el("td", null, p.newestDate || ""));
    let open = null;
    toggle.addEventListener("click", () => {
      if (open) {
        open.remove();
        open = null;
      } else {
        open = details(p);
        tr.after(open);
      }
      toggle.textContent = open ? "−" : "+";
      toggle.setAttribute("aria-expanded", String(Boolean(open)));
    });
    tr.closeDetails = () => { if (open) { open.remove(); open = null; toggle.textContent = "+"; toggle.setAttribute("aria-expanded", "false"); } };
    return tr;
  }

  const rows = report.pairs.map(p => ({ p: p, tr: row(p) }));
  const tbody = document.querySelector("#associations tbody");
  let sortKey = null;
  let sortDir = 1;

  function render() {
    const gene = document.getElementById("filter-gene").value.trim().toLowerCase();
    const disease = document.getElementById("filter-disease").value.trim().toLowerCase();
    const minScore = Number(document.getElementById("filter-score").value) || 0;
    const onlyNew = document.getElementById("filter-new").checked;
    const kept = rows.filter(({ p }) =>
      (!gene || [p.symbol, p.orthologSymbol, p.entrezId].some(v => v && v.toLowerCase().includes(gene)))
      && (!disease || [p.diseaseName, p.diseaseId].some(v => v && v.toLowerCase().includes(disease)))
      && p.bestScore >= minScore && (!onlyNew || p.isNew));
    if (sortKey) {
      kept.sort((a, b) => {
        const x = a.p[sortKey], y = b.p[sortKey];
        if (x === y) return 0;
        if (x === null || x === undefined) return 1;
        if (y === null || y === undefined) return -1;
        return (typeof x === "number" ? x - y : String(x).localeCompare(String(y))) * sortDir;
      });
    }
    for (const r of rows) r.tr.closeDetails();
    tbody.replaceChildren(...kept.map(r => r.tr));
    document.getElementById("shown").textContent = kept.length.toLocaleString("en") + " of "
      + rows.length.toLocaleString("en") + " associations shown";
  }

  for (const b of document.querySelectorAll("#associations th button")) {
    b.addEventListener("click", () => {
      const key = b.dataset.key;
      sortDir = sortKey === key ? -sortDir : (["symbol", "diseaseName", "type"].includes(key) ? 1 : -1);
      sortKey = key;
      for (const o of document.querySelectorAll("#associations th button")) o.removeAttribute("aria-sort");
      b.setAttribute("aria-sort", sortDir > 0 ? "ascending" : "descending");
      render();
    });
  }
  for (const id of ["filter-gene", "filter-disease", "filter-score", "filter-new"]) {
    document.getElementById(id).addEventListener("input", render);
  }
  document.getElementById("filters").addEventListener("submit", e => e.preventDefault());
  if (report.associationsNotShown > 0) {
    document.getElementById("not-shown").textContent = report.associationsNotShown.toLocaleString("en")
      + " more associations, in fewer articles, are counted but not shown (the page lists the "
      + rows.length.toLocaleString("en") + " in the most articles).";
  }
  render();
})();
