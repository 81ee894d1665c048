/**
 * The quick-claim pages' own stylesheet and script, served from /assets/quickclaim.* (the pages'
 * Content-Security-Policy allows only same-origin files: no inline style or script). Phone
 * first; everything works without the script, which only fills in position and capture time,
 * copies the case link and prints the letter.
 */
export const QC_CSS = `
.qc h1{margin-top:.2rem}
.qc a.btn{text-decoration:none;text-align:center}
.qc .card{margin:0 0 1rem}
.qc .card .card{margin:.6rem 0}
.qc .card h2:not(:first-child){margin-top:1rem}
.qc textarea{font-family:inherit;font-size:1rem}
.qc fieldset{border:1px solid var(--line);border-radius:8px;padding:.3rem .8rem .6rem;margin:.8rem 0}
.qc legend{font-weight:600;padding:0 .3rem}
.qc-circ{display:grid;grid-template-columns:1fr 1fr;gap:0 1rem}
@media(min-width:640px){.qc-circ{grid-template-columns:1fr 1fr 1fr}}
.qc-circ li{padding:.2rem 0}
.qc-nowrap{white-space:nowrap}
.qc-steps{display:flex;list-style:none;padding:0;margin:.4rem 0 1rem;gap:.25rem;counter-reset:step;overflow-x:auto}
.qc-steps li{flex:1 1 0;min-width:3.6rem;text-align:center;font-size:.78rem;color:var(--muted);border-top:4px solid var(--line);padding-top:.3rem;counter-increment:step}
.qc-steps li::before{content:counter(step) ". "}
.qc-steps li.done{border-color:#2e7d32;color:#2e7d32}
.qc-steps li.current{border-color:var(--accent-2);color:var(--fg);font-weight:700}
.qc-badge{display:inline-block;border-radius:999px;padding:.05rem .6rem;font-size:.85rem;background:#e8f1fb;color:#0b4a8b;white-space:nowrap}
.qc-s-paid,.qc-s-agreed{background:#e6f4ea;color:#1e5e27}
.qc-s-disputed,.qc-s-offline{background:#fdecea;color:#7d1a12}
.qc-s-determined,.qc-s-claiming{background:#fff4d6;color:#7a5200}
.qc-rule{display:inline-block;margin-left:.5rem;font-size:.8rem;background:#fff;border:1px solid #f5c2bd;border-radius:4px;padding:0 .35rem}
.qc-facts{display:grid;grid-template-columns:max-content 1fr;gap:.2rem .8rem;margin:.3rem 0}
.qc-facts dt{color:var(--muted)}
.qc-facts dd{margin:0;word-break:break-all}
.qc-inline{display:inline-block;margin:0 .4rem .4rem 0}
.qc-inline .btn{margin-top:.3rem}
.qc-btn-2{background:#fff;color:var(--accent-2);border:1px solid var(--accent-2)}
.btn.qc-danger{background:var(--accent)}
.qc-slots{display:grid;grid-template-columns:1fr;gap:.8rem}
@media(min-width:640px){.qc-slots{grid-template-columns:1fr 1fr 1fr}}
.qc-slot{border:1px dashed #b8c2cc;border-radius:var(--radius);padding:.6rem;background:#fafcff}
.qc-slot.ok{border-style:solid;border-color:#9cc8a3;background:#f3faf4}
.qc-slot h3{font-size:1rem;margin:0 0 .3rem}
.qc-thumb{display:block;width:100%;max-height:180px;object-fit:cover;border-radius:6px;background:#eef2f6}
.qc-flag{display:inline-block;font-size:.8rem;background:#fff4d6;color:#7a5200;border-radius:4px;padding:0 .35rem;margin:.2rem .2rem 0 0}
.qc-row{display:flex;gap:.5rem}
.qc-row>*{flex:1 1 0;min-width:0}
.qc-check{display:flex;gap:.5rem;align-items:flex-start;font-weight:400;margin:.4rem 0}
.qc-check input{width:auto;margin-top:.35rem}
.qc-share{display:flex;flex-wrap:wrap;gap:1rem;align-items:center}
.qc-share code{display:block;word-break:break-all;background:#f0f3f7;border-radius:6px;padding:.4rem .5rem;font-size:.85rem}
.qc-qr{width:140px;height:140px;flex:0 0 auto}
.qc-qr svg{width:100%;height:100%}
.qc-money{font-size:1.6rem;font-weight:700;color:#1e5e27}
.qc-scroll{overflow-x:auto;-webkit-overflow-scrolling:touch}
.qc-table{border-collapse:collapse;width:100%;font-size:.92rem}
.qc-table th,.qc-table td{border-bottom:1px solid var(--line);padding:.35rem .4rem;text-align:left;vertical-align:top}
.qc-table th{color:var(--muted);font-weight:600;white-space:nowrap}
.qc-table td.num,.qc-table th.num{text-align:right;white-space:nowrap}
.qc-queue{list-style:none;padding:0;margin:0}
.qc-queue li{border-top:1px solid var(--line);padding:.6rem 0}
.qc-queue a.qc-open{font-weight:600}
.qc-queue .hint{margin:.1rem 0}
.qc-centres{display:grid;grid-template-columns:1fr;gap:0 1rem}
@media(min-width:640px){.qc-centres{grid-template-columns:1fr 1fr}}
.qc-centres li{padding:.4rem 0}
.qc-kpis{display:grid;grid-template-columns:1fr 1fr;gap:.6rem;margin:.6rem 0 1rem}
@media(min-width:640px){.qc-kpis{grid-template-columns:repeat(4,1fr)}}
.qc-kpi{background:var(--card);border:1px solid var(--line);border-radius:var(--radius);padding:.6rem .7rem}
.qc-kpi b{display:block;font-size:1.35rem;line-height:1.3}
.qc-kpi span{color:var(--muted);font-size:.82rem}
.qc-chart{display:block;width:100%;max-width:480px;height:auto;margin:.3rem 0}
.qc-legend{display:flex;flex-wrap:wrap;gap:.3rem 1rem;font-size:.82rem;color:var(--muted);margin:0;padding:0;list-style:none}
.qc-key{display:inline-block;width:.8rem;height:.8rem;border-radius:2px;margin-right:.3rem;vertical-align:-1px}
.qc-k0{background:#0b5cad}.qc-k1{background:#6fa8dc}.qc-k2{background:#c9daf8}
.qc-filter{display:grid;grid-template-columns:1fr 1fr;gap:.2rem .6rem;align-items:end}
@media(min-width:640px){.qc-filter{grid-template-columns:repeat(4,1fr) auto}}
.qc-filter .btn{margin-top:0}
.qc-filter>*{min-width:0}
.qc-charts{display:grid;gap:0 1rem;grid-template-columns:1fr}
@media(min-width:900px){.qc-charts{grid-template-columns:1fr 1fr}}
.qc-letter{background:#fff;border:1px solid var(--line);border-radius:4px;padding:1.2rem}
.qc-letter h1{text-align:center;font-size:1.3rem;letter-spacing:.1em}
.qc-letter .qc-no{text-align:center;color:var(--muted);margin:0 0 1rem}
.qc-hash{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.78rem;word-break:break-all;overflow-wrap:anywhere}
.qc-suggestions{padding-left:1.2rem}
.qc-suggestions li{margin:.2rem 0}
@media print{
 .top,footer,.qc-noprint{display:none!important}
 body{background:#fff}
 main{max-width:none;padding:0}
 .qc-letter{border:0;padding:0}
}
`;

export const QC_JS = `(function(){
"use strict";
function pad(n){return String(n).padStart(2,"0")}
function beijingLocal(ms){var d=new Date(ms+8*3600000);return d.getUTCFullYear()+"-"+pad(d.getUTCMonth()+1)+"-"+pad(d.getUTCDate())+"T"+pad(d.getUTCHours())+":"+pad(d.getUTCMinutes())}
function locate(form,force){
 var lat=form.querySelector("[name=lat]"),lng=form.querySelector("[name=lng]"),status=form.querySelector("[data-geo-status]");
 if(!lat||!lng||!navigator.geolocation)return;
 if(!force&&lat.value&&lng.value)return;
 if(status)status.textContent=status.getAttribute("data-wait")||"";
 navigator.geolocation.getCurrentPosition(function(p){
  lat.value=p.coords.latitude.toFixed(6);lng.value=p.coords.longitude.toFixed(6);
  if(status)status.textContent=status.getAttribute("data-ok")||"";
 },function(){if(status)status.textContent=status.getAttribute("data-fail")||"";},{enableHighAccuracy:true,timeout:10000,maximumAge:60000});
}
document.querySelectorAll("form[data-geo]").forEach(function(f){
 locate(f,false);
 var b=f.querySelector("[data-geo-button]");if(b)b.addEventListener("click",function(e){e.preventDefault();locate(f,true)});
});
document.querySelectorAll("input[type=file][data-capture]").forEach(function(input){
 input.addEventListener("change",function(){
  var f=input.files&&input.files[0],at=input.form&&input.form.querySelector("[name=capturedAt]");
  if(f&&at&&f.lastModified)at.value=beijingLocal(f.lastModified);
  if(input.form)locate(input.form,false);
 });
});
document.querySelectorAll("[data-copy]").forEach(function(b){
 b.addEventListener("click",function(){
  var el=document.getElementById(b.getAttribute("data-copy"));if(!el||!navigator.clipboard)return;
  navigator.clipboard.writeText(el.textContent.trim()).then(function(){b.textContent=b.getAttribute("data-done")||b.textContent});
 });
});
document.querySelectorAll("[data-print]").forEach(function(b){b.addEventListener("click",function(){window.print()})});
})();
`;
