// 导出提示: a file that takes seconds to make says so while it is made. A link marked data-export is followed with a
// token of this click; the export's response sets the cookie shouwang_download to it as the file begins to arrive.
(function () {
  'use strict';
  var cookieName = 'shouwang_download';

  function hasCookie(token) {
    return document.cookie.split('; ').indexOf(cookieName + '=' + token) >= 0;
  }

  function noticeFor(link) {
    var notice = link.parentNode.querySelector('.export-notice');
    if (!notice) {
      notice = document.createElement('span');
      notice.className = 'export-notice';
      notice.setAttribute('role', 'status');
      link.parentNode.appendChild(notice);
    }
    return notice;
  }

  document.addEventListener('click', function (event) {
    var link = event.target.closest ? event.target.closest('a[data-export]') : null;
    if (!link || event.defaultPrevented || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    if (link.getAttribute('aria-busy') === 'true') return;
    var token = Date.now().toString(36) + Math.random().toString(36).slice(2, 10);
    var url = new URL(link.href, window.location.href);
    url.searchParams.set('download', token);
    var notice = noticeFor(link);
    notice.textContent = '正在生成“' + link.textContent.trim() + '”，请稍候…';
    link.setAttribute('aria-busy', 'true');
    var started = Date.now();
    var timer = window.setInterval(function () {
      if (hasCookie(token)) {
        window.clearInterval(timer);
        link.removeAttribute('aria-busy');
        notice.textContent = '文件已生成，请在浏览器的下载中查看。';
        document.cookie = cookieName + '=; Path=/; Max-Age=0; SameSite=Strict';
      } else if (Date.now() - started > 600000) {
        window.clearInterval(timer);
        link.removeAttribute('aria-busy');
        notice.textContent = '';
      }
    }, 300);
    window.location.href = url.toString();
  });
})();
