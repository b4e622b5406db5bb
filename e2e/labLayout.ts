/** Where the lab page's parts sit in the window, as the layout tests measure them. */
import type { Page } from 'playwright-core';

/** What a learner sees after a run without scrolling: editor lines, checks and the map's top in the window. */
export async function inView(page: Page) {
  return page.evaluate(() => {
    const h = window.innerHeight;
    const host = document.querySelector('.lab-editor .monaco-editor')!.getBoundingClientRect();
    const lineHeight = document.querySelector('.lab-editor .view-line')!.getBoundingClientRect().height;
    const pane = document.querySelector('.run-panel')!;
    const paneBox = pane.getBoundingClientRect();
    const bottom = Math.min(h, paneBox.bottom);
    const checks = [...document.querySelectorAll('[data-testid="checks"] li')].map((li) => {
      const r = li.getBoundingClientRect();
      return r.top >= paneBox.top && r.bottom <= bottom;
    });
    const map = document.querySelector('[data-testid="cluster-map"]')!.getBoundingClientRect();
    return {
      editorLines: Math.floor(host.height / lineHeight),
      checks,
      mapTopVisible: map.top >= paneBox.top && map.top + 40 <= bottom,
      paneScroll: pane.scrollTop,
      playbackVisible: document.querySelector('.run-panel .playback')!.getBoundingClientRect().bottom <= bottom,
    };
  });
}

/** How the page sits in the window: the header's box, the page's scroll, and how much below the header the panes cover. */
export async function labLayout(page: Page) {
  return page.evaluate(() => {
    const header = document.querySelector('header.header')!.getBoundingClientRect();
    const w = window.innerWidth;
    const h = window.innerHeight;
    const below = (w * (h - header.bottom)) / 100;
    let covered = 0;
    for (const sel of ['.lab-header', '.lab-side', '.editor-panel', '.run-panel']) {
      const r = document.querySelector(sel)!.getBoundingClientRect();
      const top = Math.max(r.top, header.bottom);
      const bottom = Math.min(r.bottom, h);
      const left = Math.max(r.left, 0);
      const right = Math.min(r.right, w);
      if (bottom > top && right > left) covered += ((right - left) * (bottom - top)) / 100;
    }
    const editor = document.querySelector('.lab-editor')!.getBoundingClientRect();
    return {
      headerTop: header.top,
      headerBottom: header.bottom,
      scrollY: window.scrollY,
      mainScroll: document.querySelector('main')!.scrollTop,
      coveredShare: covered / below,
      editorHeight: editor.height,
      viewport: h,
    };
  });
}
