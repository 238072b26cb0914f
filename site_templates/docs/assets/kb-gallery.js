// A meeting's photo gallery opens in an accessible lightbox: PhotoSwipe 5, vendored in
// assets/vendor/photoswipe/ (no CDN). Loaded only by pages with a gallery; without JavaScript
// each thumbnail is a plain link to the large JPEG.
// Arrows move, Esc closes (PhotoSwipe's own keys); the caption is a live region, so a screen
// reader reads it for every photo; focus moves into the dialog and returns to the thumbnail
// that opened it, however it was opened.
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

function setUp(gallery) {
  const links = Array.from(gallery.querySelectorAll('a.kb-gallery__link'));
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
    opener = links[lightbox.pswp.options.index || 0] || null;
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
}

const galleries = document.querySelectorAll('[data-kb-gallery]');
if (galleries.length) {
  addStyle();
  galleries.forEach(setUp);
}
