// The Waymark script-tag queue, as a file so the page needs no inline script under its CSP.
// Calls made before the SDK loads are pushed to `waymark.q`; the SDK replays them in order.
window.waymark = window.waymark || function () { (window.waymark.q = window.waymark.q || []).push(arguments); };
