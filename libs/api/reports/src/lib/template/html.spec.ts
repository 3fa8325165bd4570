import { escapeHtml, html, raw } from './html';

describe('html template helper', () => {
  it('escapes every interpolated string', () => {
    const name = '<img src=x onerror=alert(1)>';
    expect(html`<h1>${name}</h1>`.value).toBe('<h1>&lt;img src=x onerror=alert(1)&gt;</h1>');
  });

  it('escapes quotes so that a value cannot leave an attribute', () => {
    expect(html`<a title="${'" onmouseover="x'}">`.value).toBe('<a title="&quot; onmouseover=&quot;x">');
    expect(escapeHtml(`'&`)).toBe('&#39;&amp;');
  });

  it('inserts nested fragments and raw markup as they are, and arrays joined', () => {
    const items = ['a<b', 'c'].map((x) => html`<li>${x}</li>`);
    expect(html`<ul>${items}</ul>${raw('<svg></svg>')}`.value).toBe('<ul><li>a&lt;b</li><li>c</li></ul><svg></svg>');
  });

  it('prints nothing for null, undefined and false, and numbers as text', () => {
    expect(html`[${null}${undefined}${false}${0}${42}]`.value).toBe('[042]');
  });

  it('does not treat look-alike objects as trusted markup', () => {
    const fake = { value: '<script>x</script>', toString: () => '<script>x</script>' } as unknown as string;
    expect(html`${fake}`.value).toBe('&lt;script&gt;x&lt;/script&gt;');
  });
});
