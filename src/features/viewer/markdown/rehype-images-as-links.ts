import type { Element, ElementContent, Root } from 'hast';

/**
 * Images are never loaded (a dataset must not make the browser call arbitrary hosts, and the CSP
 * blocks them anyway): each becomes a link to its address labelled `[image: alt]`, or plain text
 * inside another link, where a nested link would be invalid HTML. The `a` component vets the href.
 */
export function rehypeImagesAsLinks() {
  return (tree: Root) => {
    replaceImages(tree, false);
  };
}

function replaceImages(parent: Root | Element, inLink: boolean) {
  parent.children.forEach((child, index) => {
    if (child.type !== 'element') return;
    if (child.tagName === 'img') parent.children[index] = imageStandIn(child, inLink);
    else replaceImages(child, inLink || child.tagName === 'a');
  });
}

function imageStandIn(image: Element, inLink: boolean): ElementContent {
  const alt = typeof image.properties.alt === 'string' ? image.properties.alt.trim() : '';
  const src = typeof image.properties.src === 'string' ? image.properties.src : '';
  const label: ElementContent = { type: 'text', value: alt ? `[image: ${alt}]` : '[image]' };
  if (inLink || !src)
    return { type: 'element', tagName: 'span', properties: {}, children: [label] };
  return {
    type: 'element',
    tagName: 'a',
    properties: { href: src, title: `Image not loaded: ${src}` },
    children: [label],
  };
}
