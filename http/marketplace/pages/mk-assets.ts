/**
 * The marketplace stylesheet, served at /marketplace/assets/marketplace.css (the pages' CSP
 * allows no inline style). Phone first: one column, scrollable tab rows; two columns from 720 px.
 */
export const MARKETPLACE_CSS = `
.mk{--ok:#1b7a3a;--warn:#a85b00;--bad:#b3261e;--soft:#eef3f8}
.mk-nav{display:flex;gap:.3rem;overflow-x:auto;margin:0 -1rem .8rem;padding:0 1rem .2rem;white-space:nowrap;align-items:center}
.mk-nav-title{font-weight:700;color:var(--muted);font-size:.85rem;margin-right:.3rem}
.mk-nav a{padding:.35rem .75rem;border-radius:999px;background:#fff;border:1px solid var(--line);text-decoration:none;font-size:.92rem}
.mk-nav a[aria-current=page]{background:var(--accent-2);color:#fff;border-color:var(--accent-2)}
.mk-sim{font-size:.82rem;color:#6b4e00;background:#fff8e1;border:1px solid #f3dfa2;border-radius:8px;padding:.35rem .6rem;margin:.2rem 0 .8rem}
.mk h1{margin-top:.2rem}
.mk-lead{color:var(--muted);margin:0 0 .8rem}
.mk-cols{display:flex;gap:.5rem;overflow-x:auto;padding-bottom:.3rem;margin:0 -1rem .8rem;padding-left:1rem;padding-right:1rem}
.mk-col{flex:0 0 auto;min-width:7.2rem;background:#fff;border:1px solid var(--line);border-radius:var(--radius);padding:.5rem .7rem;text-decoration:none;color:var(--fg)}
.mk-col strong{display:block;font-size:1rem}
.mk-col span{display:block;font-size:.78rem;color:var(--muted);white-space:normal}
.mk-col[aria-current=page]{border-color:var(--accent);box-shadow:inset 0 -3px 0 var(--accent)}
.mk-filters{background:#fff;border:1px solid var(--line);border-radius:var(--radius);padding:.5rem .8rem;margin-bottom:.9rem}
.mk-filters summary{cursor:pointer;font-weight:600;padding:.2rem 0}
.mk-filter-grid{display:grid;gap:0 .8rem;grid-template-columns:1fr 1fr}
.mk-filter-grid .wide{grid-column:1/-1}
.mk-filter-grid>div{min-width:0}
.mk input,.mk select{max-width:100%;min-width:0}
.mk-filters label{font-size:.9rem;margin:.5rem 0 .15rem}
.mk-filters .btn{margin-top:.6rem}
.mk-count{color:var(--muted);font-size:.9rem;margin:.2rem 0 .6rem}
.mk-list{display:grid;gap:.8rem;grid-template-columns:1fr;list-style:none;padding:0;margin:0}
.mk-card{background:#fff;border:1px solid var(--line);border-radius:var(--radius);padding:.8rem .9rem}
.mk-card h2,.mk-card h3{margin:0 0 .15rem;font-size:1.08rem}
.mk-card h2 a,.mk-card h3 a{text-decoration:none}
.mk-inst{color:var(--muted);font-size:.88rem;margin:0 0 .4rem}
.mk-figs{display:grid;grid-template-columns:repeat(3,1fr);gap:.3rem;margin:.5rem 0;font-size:.85rem}
.mk-figs div{background:var(--soft);border-radius:6px;padding:.3rem .4rem}
.mk-figs b{display:block;font-size:.92rem;color:var(--fg);white-space:nowrap}
.mk-figs span{color:var(--muted);font-size:.75rem}
.mk-tags{display:flex;flex-wrap:wrap;gap:.3rem;margin:.3rem 0}
.mk-tag{display:inline-block;font-size:.75rem;border-radius:4px;padding:.05rem .4rem;background:var(--soft);color:#304457}
.mk-tag-action{background:#fdecea;color:#8a1c14}
.mk-tag-direct{background:#e5f4ea;color:#17602f}
.mk-pager{display:flex;justify-content:space-between;margin:1rem 0}
.mk-facts{display:grid;grid-template-columns:auto 1fr;gap:.25rem .9rem;margin:.4rem 0}
.mk-facts dt{color:var(--muted)}
.mk-facts dd{margin:0;word-break:break-word}
.mk-section{background:#fff;border:1px solid var(--line);border-radius:var(--radius);padding:.9rem;margin:0 0 1rem}
.mk-section>h2{font-size:1.1rem}
.mk-consent{border:2px solid var(--accent-2);border-radius:var(--radius);padding:.9rem;background:#f7fbff;margin:1rem 0}
.mk-consent h2{margin-bottom:.3rem}
.mk-recipient{font-size:1.05rem;margin:.2rem 0 .6rem}
.mk-recipient b{color:var(--accent-2)}
.mk-cats{list-style:none;padding:0;margin:.4rem 0}
.mk-cats li{border-top:1px solid var(--line);padding:.55rem 0}
.mk-cat{display:flex;gap:.6rem;align-items:flex-start;font-weight:400;margin:0}
.mk-cat input{width:1.25rem;height:1.25rem;margin-top:.2rem;flex:0 0 auto}
.mk-cat-name{font-weight:600}
.mk-cat-meta{display:block;color:var(--muted);font-size:.85rem}
.mk-cat-purpose{display:block;font-size:.9rem}
.mk-req{font-size:.72rem;background:#fff4d6;color:#7a5200;border-radius:4px;padding:0 .35rem;margin-left:.3rem;white-space:nowrap}
.mk-agree{display:flex;gap:.6rem;align-items:flex-start;font-weight:600;background:#fff;border:1px solid var(--line);border-radius:8px;padding:.6rem;margin-top:.8rem}
.mk-agree input{width:1.25rem;height:1.25rem;flex:0 0 auto;margin-top:.15rem}
.mk-two{display:grid;gap:0 .8rem;grid-template-columns:1fr}
.mk-badge{display:inline-block;font-size:.8rem;border-radius:999px;padding:.05rem .6rem;background:var(--soft);white-space:nowrap}
.mk-s-submitted{background:#fff4d6;color:#7a5200}
.mk-s-contacted{background:#e8f1fb;color:#0b4a8a}
.mk-s-approved,.mk-s-disbursed{background:#e5f4ea;color:#17602f}
.mk-s-rejected,.mk-s-withdrawn,.mk-s-declined_by_applicant{background:#eceff1;color:#455a64}
.mk-flag{color:var(--bad);font-weight:600;font-size:.85rem}
.mk-rule{display:inline-block;margin-left:.5rem;font-size:.8rem;opacity:.85}
.mk-scroll{overflow-x:auto;margin:0 -.9rem;padding:0 .9rem}
.mk-table{border-collapse:collapse;width:100%;font-size:.9rem;min-width:30rem}
.mk-table th,.mk-table td{border-bottom:1px solid var(--line);padding:.4rem .35rem;text-align:left;vertical-align:top}
.mk-table th{color:var(--muted);font-weight:600;white-space:nowrap}
.mk-table td.num,.mk-table th.num{text-align:right;white-space:nowrap}
.mk-table a.num{font-weight:700}
.mk-hot{color:var(--bad);font-weight:700}
.mk-stats{display:grid;grid-template-columns:repeat(2,1fr);gap:.6rem;margin:.4rem 0 1rem}
.mk-stat{background:#fff;border:1px solid var(--line);border-radius:var(--radius);padding:.6rem .7rem;text-decoration:none;color:var(--fg)}
.mk-stat b{display:block;font-size:1.45rem;line-height:1.2}
.mk-stat span{color:var(--muted);font-size:.82rem}
.mk-stat-money b{font-size:1.1rem;white-space:nowrap;line-height:1.6}
.mk-stat.hot b{color:var(--bad)}
.mk-chart{width:100%;height:auto;display:block;max-width:480px}
.mk-legend{display:flex;flex-wrap:wrap;gap:.3rem .9rem;font-size:.82rem;color:var(--muted);margin:.3rem 0}
.mk-key{display:inline-block;width:.8rem;height:.8rem;border-radius:2px;vertical-align:-.1rem;margin-right:.25rem}
.mk-key-pending{background:#f2b134}
.mk-key-overdue{background:#b3261e}
.mk-key-long{background:#6a3d9a}
.mk-key-amount{background:#0b5cad}
.mk-inline{display:inline-block;margin:0 .4rem .4rem 0}
.mk-inline .btn{margin-top:0}
.mk-actions{display:grid;gap:.8rem;grid-template-columns:1fr}
.mk-actions form{background:var(--soft);border-radius:8px;padding:.6rem .7rem}
.mk-actions h3{margin:0;font-size:1rem}
.mk a.btn{text-decoration:none}
.btn-2{background:#fff;color:var(--accent-2);border:1px solid var(--accent-2)}
.btn-danger{background:var(--bad)}
.mk-qr{display:block;width:220px;max-width:100%;height:auto;background:#fff;border:1px solid var(--line);border-radius:8px;padding:6px}
.mk-code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.78rem;word-break:break-all;color:var(--muted)}
.mk-tabs{display:flex;gap:.3rem;overflow-x:auto;margin:.4rem 0 .8rem;white-space:nowrap}
.mk-tabs a{padding:.3rem .7rem;border-radius:6px;border:1px solid var(--line);background:#fff;text-decoration:none;font-size:.9rem}
.mk-tabs a[aria-current=page]{background:var(--fg);color:#fff;border-color:var(--fg)}
.mk-nw{white-space:nowrap}
.mk-gap{margin-top:1.2rem}
.mk-fieldset{border:0;padding:0;margin:0;min-width:0}
.mk-fieldset legend{padding:0}
.mk-card .btn{margin-top:.3rem;padding:.4rem 1rem}
.mk-empty{color:var(--muted);font-style:italic}
@media(max-width:719px){
.mk-rtable{min-width:0}
.mk-rtable thead{display:none}
.mk-rtable,.mk-rtable tbody,.mk-rtable tr,.mk-rtable td{display:block;width:100%}
.mk-rtable tr{background:#fff;border:1px solid var(--line);border-radius:8px;margin:0 0 .6rem;padding:.35rem .6rem}
.mk-rtable td{display:flex;gap:.6rem;border:0;padding:.12rem 0}
.mk-rtable td.num{text-align:left}
.mk-rtable td::before{content:attr(data-label);flex:0 0 5.2rem;color:var(--muted);font-size:.85rem}
}
@media(min-width:720px){
.mk-list{grid-template-columns:1fr 1fr}
.mk-filter-grid{grid-template-columns:repeat(4,1fr)}
.mk-two{grid-template-columns:1fr 1fr}
.mk-stats{grid-template-columns:repeat(4,1fr)}
.mk-actions{grid-template-columns:1fr 1fr}
.mk-cols{flex-wrap:wrap;overflow:visible;margin-left:0;margin-right:0;padding-left:0;padding-right:0}
}
`;
