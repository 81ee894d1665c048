/** The one stylesheet of the pages, served at /assets/app.css. Phone first; no external fonts. */
export const APP_CSS = `
:root{--fg:#1d2733;--muted:#5b6b7c;--bg:#f5f7fa;--card:#fff;--accent:#b3261e;--accent-2:#0b5cad;--line:#dde3ea;--radius:10px}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:16px/1.6 system-ui,-apple-system,"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC",sans-serif;color:var(--fg);background:var(--bg)}
a{color:var(--accent-2)}
.top{background:var(--accent);color:#fff;padding:.6rem 1rem;display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;justify-content:space-between}
.top a{color:#fff;text-decoration:none}
.brand{font-weight:700;font-size:1.05rem}
.nav{display:flex;flex-wrap:wrap;gap:.4rem .9rem;align-items:center;font-size:.95rem}
.nav form{margin:0}
.nav button{background:transparent;border:1px solid rgba(255,255,255,.7);color:#fff;border-radius:6px;padding:.15rem .6rem;font:inherit;cursor:pointer}
.who{opacity:.9}
main{max-width:960px;margin:0 auto;padding:1rem}
h1{font-size:1.4rem;margin:.4rem 0 .2rem}
h2{font-size:1.15rem;margin:0 0 .4rem}
.tagline{color:var(--muted);margin:0 0 1rem}
.grid{display:grid;gap:1rem;grid-template-columns:1fr}
@media(min-width:640px){.grid{grid-template-columns:1fr 1fr}}
.card{background:var(--card);border:1px solid var(--line);border-radius:var(--radius);padding:1rem}
.card .sub{color:var(--muted);font-size:.9rem;margin:0 0 .6rem}
.modules{list-style:none;padding:0;margin:0}
.modules li{border-top:1px solid var(--line)}
.modules a{display:block;padding:.55rem 0;text-decoration:none}
.badge{display:inline-block;font-size:.75rem;background:#fff4d6;color:#7a5200;border-radius:4px;padding:0 .4rem;margin-left:.3rem}
label{display:block;font-weight:600;margin:.6rem 0 .2rem}
input,select,textarea{width:100%;font:inherit;padding:.55rem .6rem;border:1px solid #b8c2cc;border-radius:8px;background:#fff}
textarea{min-height:4.5rem;font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.9rem}
.btn{display:inline-block;margin-top:.8rem;background:var(--accent-2);color:#fff;border:0;border-radius:8px;padding:.6rem 1.2rem;font:inherit;cursor:pointer;min-width:8rem}
.hint{color:var(--muted);font-size:.9rem;margin:.2rem 0}
.error{background:#fdecea;border:1px solid #f5c2bd;color:#7d1a12;border-radius:8px;padding:.6rem .8rem;margin:.6rem 0}
.notice{background:#e8f1fb;border:1px solid #bcd5f0;border-radius:8px;padding:.6rem .8rem;margin:.6rem 0}
footer{color:var(--muted);font-size:.85rem;text-align:center;padding:1.5rem 1rem}
`;
