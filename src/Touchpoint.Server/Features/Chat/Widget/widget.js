/* Touchpoint web chat loader. One tag on any site:
 *   <script src="https://host/chat/widget.js" data-branch="SH" data-language="ko-KR" async></script>
 * It adds one iframe served by Touchpoint: the site's CSS cannot reach the chat, and its traffic stays on Touchpoint's
 * origin (no CORS, no cookies). The frame asks to grow or shrink by postMessage. Browsers that refuse storage to
 * third-party frames (private windows) would lose the conversation on reload, so the frame also hands its token to
 * this loader, which keeps it in the site's storage and gives it back in the frame's URL fragment (never sent to a server). */
(function () {
  var script = document.currentScript || document.querySelector('script[src*="/chat/widget.js"]');
  if (!script || window.__touchpointChat) return;
  window.__touchpointChat = true;
  var origin = new URL(script.src, location.href).origin;
  var branch = script.getAttribute('data-branch') || '';
  var language = script.getAttribute('data-language') || document.documentElement.lang || navigator.language || 'en-US';
  var storeKey = 'touchpoint-chat:' + branch;
  var saved = null;
  try { saved = localStorage.getItem(storeKey); } catch (e) { }
  var frame = document.createElement('iframe');
  frame.title = script.getAttribute('data-title') || 'Chat';
  frame.src = origin + '/chat/frame?branch=' + encodeURIComponent(branch) + '&lang=' + encodeURIComponent(language)
    + '&page=' + encodeURIComponent(location.origin + location.pathname) + (saved ? '#t=' + encodeURIComponent(saved) : '');
  frame.setAttribute('allowtransparency', 'true');
  var base = { position: 'fixed', right: '16px', bottom: '16px', border: '0', margin: '0', padding: '0', background: 'transparent',
    'color-scheme': 'normal', 'z-index': '2147483000', 'max-height': 'calc(100vh - 32px)', 'max-width': 'calc(100vw - 32px)', display: 'block' };
  function size(open) {
    var s = Object.assign({}, base, open ? { width: '380px', height: '600px' } : { width: '84px', height: '84px' });
    for (var k in s) frame.style.setProperty(k, s[k], 'important');
  }
  size(false);
  window.addEventListener('message', function (e) {
    if (e.origin !== origin || e.source !== frame.contentWindow || !e.data || e.data.type !== 'touchpoint-chat') return;
    if (typeof e.data.open === 'boolean') size(e.data.open);
    if ('token' in e.data) {
      try { if (e.data.token) localStorage.setItem(storeKey, e.data.token); else localStorage.removeItem(storeKey); } catch (err) { }
    }
  });
  function add() { document.body.appendChild(frame); }
  if (document.body) add(); else document.addEventListener('DOMContentLoaded', add);
})();
