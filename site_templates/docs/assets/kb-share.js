// Sharing a record page. Without JavaScript the block is plain links (LINE, Facebook, X, and
// the page's own address). With it: on a phone whose browser has the Web Share API, one
// "แชร์…" button opens the system's share sheet instead of the links; "คัดลอกลิงก์" copies
// the address with the Clipboard API and says so in a status line (read out by screen readers).
// Nothing here loads anything from another site.

const PHONE = '(max-width: 45em)';
const COPIED = 'คัดลอกลิงก์แล้ว';
const NOT_COPIED = 'คัดลอกไม่ได้ กดค้างที่ลิงก์ "คัดลอกลิงก์" แล้วเลือกคัดลอกลิงก์';
const SHOWN_FOR = 4000; // ms the confirmation stays

function say(block, text) {
  const status = block.querySelector('.kb-share__status');
  status.textContent = text;
  clearTimeout(status.kbTimer);
  status.kbTimer = setTimeout(() => { status.textContent = ''; }, SHOWN_FOR);
}

function useShareSheet(block) {
  const button = block.querySelector('.kb-share__native');
  const data = { title: block.dataset.title, url: block.dataset.url };
  const wanted = () => Boolean(navigator.share) && matchMedia(PHONE).matches
    && (!navigator.canShare || navigator.canShare(data));
  const update = () => {
    button.hidden = !wanted();
    block.classList.toggle('kb-share--native', !button.hidden);
  };
  button.addEventListener('click', () => {
    navigator.share(data).catch((error) => {
      if (error.name !== 'AbortError') block.classList.remove('kb-share--native'); // show the links
    });
  });
  matchMedia(PHONE).addEventListener('change', update);
  update();
}

function useClipboard(block) {
  const copy = block.querySelector('.kb-share__copy');
  copy.addEventListener('click', (event) => {
    if (!navigator.clipboard || !window.isSecureContext) return; // the plain link stays
    event.preventDefault();
    navigator.clipboard.writeText(block.dataset.url).then(
      () => say(block, COPIED),
      () => say(block, NOT_COPIED),
    );
  });
}

// On paper a relative address leads nowhere: each in-site link's full address is put where the
// print style sheet writes link targets out (kb.css, @media print). Done at once, not only
// before printing: a PDF made by the browser itself (headless printing) sends no beforeprint.
function writeOutLinks() {
  document.querySelectorAll('.md-content a[href]').forEach((link) => {
    const href = link.getAttribute('href');
    if (href.startsWith('#') || /^[a-z]+:/i.test(href)) return;
    link.dataset.kbPrintHref = link.href;
  });
}

writeOutLinks();
window.addEventListener('beforeprint', writeOutLinks); // links a script added since

document.querySelectorAll('[data-kb-share]').forEach((block) => {
  useShareSheet(block);
  useClipboard(block);
});
