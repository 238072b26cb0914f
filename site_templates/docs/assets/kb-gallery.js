// A meeting's photo gallery opens in an accessible lightbox: PhotoSwipe 5, vendored in
// assets/vendor/photoswipe/ (no CDN). Loaded only by pages with a gallery; without JavaScript
// each thumbnail is a plain link to the large JPEG.
// Arrows move, Esc closes (PhotoSwipe's own keys); the caption is a live region, so a screen
// reader reads it for every photo; focus moves into the dialog and returns to the thumbnail
// that opened it, however it was opened.
// On a phone (two or three photos to a row, kb.css) a long gallery shows its first ROWS rows
// only, then the button "ดูทั้งหมด N ภาพ" (in the page, hidden until needed), which opens the
// lightbox at the first photo not shown; the lightbox holds every photo. Printing shows all.
import PhotoSwipeLightbox from './vendor/photoswipe/photoswipe-lightbox.esm.min.js';

const VENDOR = new URL('./vendor/photoswipe/', import.meta.url);

function addStyle() {
  if (document.querySelector('link[data-kb-pswp]')) return;
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = new URL('photoswipe.css', VENDOR).href;
  link.dataset.kbPswp = '';
  document.head.append(link);
}

// What the caption says: the photo's caption (else its text alternative) and where it is.
function captionOf(link, index, count) {
  const figure = link.closest('figure');
  const caption = figure && figure.querySelector('figcaption');
  const image = link.querySelector('img');
  const text = (caption && caption.textContent.trim()) || (image && image.alt) || '';
  return `${text} (ภาพที่ ${index + 1} จาก ${count})`;
}

const PHONE = '(max-width: 45em)';
const ROWS = 3;

// How many photos the folded gallery shows: ROWS rows of its columns (0: not folded).
function shownOnPhone(gallery, count) {
  if (!matchMedia(PHONE).matches) return 0;
  const columns = getComputedStyle(gallery).gridTemplateColumns.split(' ').filter(Boolean).length;
  const shown = Math.max(1, columns) * ROWS;
  return count > shown ? shown : 0;
}

function fold(gallery, items, more) {
  const shown = shownOnPhone(gallery, items.length);
  items.forEach((item, i) => { item.hidden = shown > 0 && i >= shown; });
  if (more) more.hidden = shown === 0;
  return shown;
}

function setUp(gallery) {
  const links = Array.from(gallery.querySelectorAll('a.kb-gallery__link'));
  const items = links.map((link) => link.closest('li'));
  const more = gallery.parentElement.querySelector('.kb-gallery__more');
  const all = more && more.querySelector('.kb-gallery__all');
  let shown = fold(gallery, items, more);
  let timer = 0;
  window.addEventListener('resize', () => {
    clearTimeout(timer);
    timer = setTimeout(() => { shown = fold(gallery, items, more); }, 150);
  });
  const lightbox = new PhotoSwipeLightbox({
    gallery,
    children: 'a.kb-gallery__link',
    pswpModule: () => import('./vendor/photoswipe/photoswipe.esm.min.js'),
    closeTitle: 'ปิด (Esc)',
    zoomTitle: 'ขยาย/ย่อ',
    arrowPrevTitle: 'ภาพก่อนหน้า (ลูกศรซ้าย)',
    arrowNextTitle: 'ภาพถัดไป (ลูกศรขวา)',
    errorMsg: 'เปิดภาพนี้ไม่ได้',
    indexIndicatorSep: ' / ',
    bgOpacity: 0.92,
  });
  let opener = null;
  lightbox.on('beforeOpen', () => {
    const link = links[lightbox.pswp.options.index || 0] || null;
    opener = link && !link.closest('li').hidden ? link : all; // a folded photo: the button
  });
  lightbox.on('uiRegister', () => {
    const pswp = lightbox.pswp;
    pswp.element.setAttribute('aria-modal', 'true');
    pswp.element.setAttribute('aria-label', 'ภาพประกอบขนาดใหญ่');
    pswp.ui.registerElement({
      name: 'kb-caption',
      order: 9,
      isButton: false,
      appendTo: 'root',
      onInit: (element) => {
        element.setAttribute('aria-live', 'polite');
        element.setAttribute('aria-atomic', 'true');
        pswp.on('change', () => {
          const link = pswp.currSlide && pswp.currSlide.data.element;
          element.textContent = link ? captionOf(link, pswp.currIndex, pswp.getNumItems()) : '';
        });
      },
    });
  });
  lightbox.on('openingAnimationEnd', () => {
    const root = lightbox.pswp.element;
    if (!root.contains(document.activeElement)) root.focus();
  });
  lightbox.on('destroy', () => {
    if (opener && document.contains(opener)) opener.focus();
    opener = null;
  });
  lightbox.init();
  if (all) all.addEventListener('click', () => lightbox.loadAndOpen(shown, { gallery }));
  window.addEventListener('beforeprint', () => items.forEach((item) => { item.hidden = false; }));
  window.addEventListener('afterprint', () => { shown = fold(gallery, items, more); });
}

const galleries = document.querySelectorAll('[data-kb-gallery]');
if (galleries.length) {
  addStyle();
  galleries.forEach(setUp);
}
