/**
 * The factors pages' own stylesheet, served from /factors/assets/factors.css (the pages'
 * Content-Security-Policy allows only same-origin files: no inline style or script). Phone
 * first; nothing needs a script.
 */
export const FX_CSS = `
.fx h1{margin-top:.2rem;word-break:break-word}
.fx{overflow-wrap:anywhere}
.fx code{word-break:break-all;font-size:.85em}
.fx input,.fx select{min-width:0;max-width:100%}
.fx section.card{margin:0 0 1rem}
.fx-nav{display:flex;flex-wrap:wrap;gap:.4rem;margin:0 0 .8rem;padding:.1rem 0 .3rem}
.fx-nav a{flex:0 0 auto;border:1px solid var(--line);background:var(--card);border-radius:999px;padding:.2rem .75rem;font-size:.9rem;text-decoration:none;white-space:nowrap}
.fx-nav a.on{background:var(--accent-2);border-color:var(--accent-2);color:#fff}
.fx-sim{font-size:.85rem;background:#fff4d6;color:#7a5200;border-radius:8px;padding:.3rem .6rem;margin:0 0 .8rem}
.fx-badge{display:inline-block;border-radius:999px;padding:.05rem .6rem;font-size:.85rem;background:#e8f1fb;color:#0b4a8b;white-space:nowrap;vertical-align:middle}
.fx-s-ACTIVE,.fx-s-PERFORMING,.fx-s-SETTLED,.fx-s-REGISTERED,.fx-s-completed,.fx-s-awarded{background:#e6f4ea;color:#1e5e27}
.fx-s-ENCUMBERED,.fx-s-ACCEPTED{background:#ede7f6;color:#4527a0}
.fx-s-DISPUTED,.fx-s-REJECTED,.fx-s-DEFAULTED,.fx-s-DECLINED,.fx-s-CLOSED_WITH_LOSS{background:#fdecea;color:#7d1a12}
.fx-s-OVERDUE,.fx-s-DISPOSING,.fx-s-TRANSFERRED,.fx-s-SUBMITTED,.fx-s-open{background:#fff4d6;color:#7a5200}
.fx-s-DISPOSED,.fx-s-withdrawn,.fx-s-DRAFT{background:#eceff1;color:#37474f}
.fx-rule{display:inline-block;margin-left:.4rem;font-size:.8rem;background:#fff;border:1px solid #f5c2bd;border-radius:4px;padding:0 .35rem;white-space:nowrap}
.fx-facts{display:grid;grid-template-columns:max-content 1fr;gap:.2rem .8rem;margin:.3rem 0}
.fx-facts dt{color:var(--muted)}
.fx-facts dd{margin:0;word-break:break-word}
.fx-money{font-variant-numeric:tabular-nums;white-space:nowrap}
.fx-big{font-size:1.5rem;font-weight:700;color:#1e5e27}
.fx-scroll{overflow-x:auto;-webkit-overflow-scrolling:touch}
.fx-table{border-collapse:collapse;width:100%;font-size:.92rem;overflow-wrap:normal}
.fx-table th,.fx-table td{border-bottom:1px solid var(--line);padding:.35rem .4rem;text-align:left;vertical-align:top}
.fx-table th{color:var(--muted);font-weight:600;white-space:nowrap}
.fx-table td.num,.fx-table th.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
.fx-table tfoot td{font-weight:700;border-top:2px solid var(--line)}
.fx-list{list-style:none;padding:0;margin:0}
.fx-list li{border-top:1px solid var(--line);padding:.55rem 0}
.fx-list li:first-child{border-top:0}
.fx-list .hint{margin:.1rem 0}
.fx-list a.fx-open{font-weight:600;text-decoration:none}
.fx-timeline{list-style:none;margin:0;padding:0 0 0 1rem;border-left:3px solid var(--line)}
.fx-timeline li{position:relative;padding:.1rem 0 .7rem .6rem}
.fx-timeline li::before{content:"";position:absolute;left:-1.42rem;top:.45rem;width:.7rem;height:.7rem;border-radius:50%;background:var(--accent-2);border:2px solid #fff}
.fx-timeline .when{color:var(--muted);font-size:.85rem}
.fx-timeline .why{margin:.1rem 0 0;font-size:.92rem}
.fx-forms{display:grid;grid-template-columns:1fr;gap:1rem}
@media(min-width:720px){.fx-forms{grid-template-columns:1fr 1fr}}
.fx-forms .card{margin:0}
.fx-forms h3{margin:0 0 .3rem;font-size:1.02rem}
.fx-row{display:grid;grid-template-columns:1fr;gap:0 .8rem}
@media(min-width:560px){.fx-row{grid-template-columns:1fr 1fr}}
.fx-check{display:flex;gap:.5rem;align-items:flex-start;font-weight:400;margin:.35rem 0}
.fx-check input{width:auto;margin-top:.35rem;flex:0 0 auto}
.fx-inline{display:inline-block;margin:0 .4rem .4rem 0}
.fx-inline .btn{margin-top:.2rem}
.btn.fx-2{background:#fff;color:var(--accent-2);border:1px solid var(--accent-2)}
.btn.fx-danger{background:var(--accent)}
.fx-kpis{display:grid;grid-template-columns:1fr 1fr;gap:.6rem;margin:.6rem 0 1rem}
@media(min-width:720px){.fx-kpis{grid-template-columns:repeat(4,1fr)}}
.fx-kpi{background:var(--card);border:1px solid var(--line);border-radius:var(--radius);padding:.6rem .7rem}
.fx-kpi b{display:block;font-size:1.3rem;line-height:1.3;font-variant-numeric:tabular-nums;word-break:break-all}
.fx-kpi span{color:var(--muted);font-size:.82rem}
.fx-charts{display:grid;grid-template-columns:1fr;gap:1rem}
@media(min-width:820px){.fx-charts{grid-template-columns:1fr 1fr}}
.fx-chart{display:block;width:100%;height:auto;margin:.3rem 0}
.fx-legend{display:flex;flex-wrap:wrap;gap:.3rem 1rem;font-size:.82rem;color:var(--muted);margin:.2rem 0;padding:0;list-style:none}
.fx-key{display:inline-block;width:.8rem;height:.8rem;border-radius:2px;margin-right:.3rem;vertical-align:-1px}
.fx-k0{background:#0b5cad}.fx-k1{background:#e0782b}.fx-k2{background:#2e7d32}.fx-k3{background:#8e44ad}.fx-k4{background:#c0392b}.fx-k5{background:#7f8c8d}
.fx-filter{display:grid;grid-template-columns:1fr;gap:.2rem .6rem;align-items:end}
.fx-filter>div{min-width:0}
@media(min-width:480px){.fx-filter{grid-template-columns:1fr 1fr}}
@media(min-width:720px){.fx-filter{grid-template-columns:2fr 1fr 1fr auto}}
.fx-filter .btn{margin-top:.4rem}
.fx-cats{display:grid;grid-template-columns:1fr;gap:.6rem}
@media(min-width:720px){.fx-cats{grid-template-columns:1fr 1fr}}
.fx-cats ul{margin:.2rem 0 0;padding-left:1.1rem;font-size:.92rem}
.fx-tiles{display:grid;grid-template-columns:1fr 1fr;gap:.6rem}
@media(min-width:720px){.fx-tiles{grid-template-columns:repeat(3,1fr)}}
.fx-tiles a{display:block;background:var(--card);border:1px solid var(--line);border-radius:var(--radius);padding:.8rem;text-decoration:none}
.fx-tiles a b{display:block;color:var(--fg)}
.fx-tiles a span{color:var(--muted);font-size:.85rem}
.fx-radio{border:0;margin:.6rem 0 0;padding:0}
.fx-radio legend{font-weight:600;padding:0;margin:0 0 .1rem}
.fx-warn{background:#fff4d6;border:1px solid #f0d48a;border-radius:8px;padding:.5rem .7rem;margin:.5rem 0}
.fx-ok{background:#e6f4ea;border:1px solid #a8d5b1;border-radius:8px;padding:.5rem .7rem;margin:.5rem 0}
`;
