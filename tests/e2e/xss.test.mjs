//! Hostile feeds (issue 6): the corpus of payloads in
//! `crates/openings-core/tests/fixtures/xss-payloads.txt`, and a variant of
//! each that sets a global canary instead of calling alert(), placed in every
//! text field and every URL field of a feed of every supported format. With
//! every opening's detail view opened in turn, nothing runs (no dialog, no
//! canary), no dangerous element, attribute or link reaches the board's
//! shadow root or the host document, and ordinary rich text still renders.
//! The same feeds written into the page by `openings render` hold nothing
//! that runs either, before the live board comes and after it takes over.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { useHarness, visit, eventually, assertHostUnharmed, openingsRender } from './harness.mjs';
import { isoDate } from './servers.mjs';

const h = useHarness();
const here = dirname(fileURLToPath(import.meta.url));
const CORPUS = readFileSync(join(here, '../../crates/openings-core/tests/fixtures/xss-payloads.txt'), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '');

/**
 * The corpus, then each payload that calls alert(1) once more, setting a
 * numbered global instead (`window.__pwned_7=1`): a payload that runs in a
 * way no dialog shows (a blocked dialog, an event handler) still leaves its
 * mark.
 */
const PAYLOADS = [
  ...CORPUS,
  ...CORPUS.filter((p) => p.includes('alert(1)')).map((p, i) => p.replaceAll('alert(1)', `window.__pwned_${i}=1`)),
];

/** Links a hostile feed may give: none of them may reach an href. */
const UNSAFE_URLS = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  'java\nscript:alert(1)',
  '\u0001javascript:alert(1)',
  '\u0000javascript:alert(1)',
  'javascript:window.__pwned_url=1',
  'javascript://%0awindow.__pwned_url=1',
  'javascript:alert(1)//https://example.org',
  'vbscript:msgbox(1)',
  'VBScript:msgbox(1)',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'data:text/html,<script>alert(1)</script>',
  'DATA:image/svg+xml,<svg onload=alert(1)>',
  'livescript:alert(1)',
  'file:///etc/passwd',
  'blob:https://evil.example/0c1e',
  'about:blank',
  'https:alert(1)',
  'http:/evil.example',
];
/**
 * Hostile-looking values for URL fields that a lenient reader might still
 * turn into an http(s) link; whatever the board makes of them, the href
 * must be http, https or mailto.
 */
const STRANGE_URLS = [
  ...UNSAFE_URLS,
  'jav&#x09;ascript:alert(1)',
  '&#106;avascript:alert(1)',
  'javascript&colon;alert(1)',
  '//evil.example/',
  'https://ok.example/" onclick="alert(1)',
  "https://ok.example/'><script>alert(1)</script>",
  'https://ok.example/?q=<img src=x onerror=alert(1)>',
  '<img src=x onerror=alert(1)>',
  '{{constructor.constructor(\'alert(1)\')()}}',
];
/** A link for every field that needs one that works, on the fake portal. */
const portal = (format, k) => `${h.servers.feedsOrigin}/portal/xss/${format}/${k}`;

/** Ordinary rich text, which must still render: a list, strong, a safe link. */
const ORDINARY_HTML = '<p>We look after <strong>rare maps</strong> and <em>atlases</em>.</p>'
  + '<ul><li>Catalogue new accessions</li><li>Answer reading-room questions</li></ul>'
  + '<p>Read <a href="https://ok.example/about">about the collection</a>.</p>';
const ORDINARY_MARKDOWN = 'We look after **rare maps** and *atlases*.\n\n'
  + '- Catalogue new accessions\n- Answer reading-room questions\n\n'
  + 'Read [about the collection](https://ok.example/about).\n';

const DESCRIPTION_CHUNK = 16;

/**
 * The openings of one format's hostile feed. Every payload is in one
 * description (chunks of 16, rotated per format so that a payload which
 * swallows what follows it hides different neighbours in each format), and
 * every text field of every opening carries a payload. URL fields carry
 * strange URLs: even openings have a hostile apply link and a safe page
 * link, odd ones the other way round; every organization and contact link is
 * hostile. The opening before last has ordinary rich text; the last one has
 * nothing but unsafe links and must be skipped.
 */
function hostileSpecs(format, formatIndex) {
  const rotation = (formatIndex * 37) % PAYLOADS.length;
  const rotated = [...PAYLOADS.slice(rotation), ...PAYLOADS.slice(0, rotation)];
  const chunks = [];
  for (let i = 0; i < rotated.length; i += DESCRIPTION_CHUNK) chunks.push(rotated.slice(i, i + DESCRIPTION_CHUNK));
  const text = (k, field) => PAYLOADS[(k * 11 + field * 29 + formatIndex * 5) % PAYLOADS.length];
  const strange = (k, field) => STRANGE_URLS[(k * 3 + field + formatIndex) % STRANGE_URLS.length];
  const specs = chunks.map((chunk, k) => ({
    id: `${k}-${text(k, 9)}`,
    title: `T${k} ${text(k, 0)}`,
    organization: text(k, 1),
    locality: text(k, 2),
    region: text(k, 3),
    country: text(k, 4),
    department: text(k, 5),
    tag: text(k, 6),
    employment: text(k, 7),
    currency: text(k, 8),
    period: text(k, 10),
    remoteRegion: text(k, 11),
    contactName: text(k, 12),
    contactEmail: text(k, 13),
    sectionTitle: text(k, 14),
    html: chunk.join('\n'),
    markdown: k % 2 === 1,
    apply: k % 2 === 0 ? strange(k, 0) : portal(format, k),
    page: k % 2 === 0 ? portal(format, k) : strange(k, 1),
    organizationUrl: strange(k, 2),
    contactUrl: strange(k, 3),
    listed: true,
  }));
  const n = specs.length;
  specs.push({
    ...specs[0], id: `${n}-ordinary`, title: `T${n} Map Curator`, organization: 'Hollis Museum of Maps',
    html: ORDINARY_HTML, markdown: false, ordinary: true, apply: portal(format, n), page: portal(format, n),
  });
  specs.push({
    ...specs[1], id: `${n + 1}-unsafe-links-only`, title: `T${n + 1} Phishing Specialist`, markdown: false,
    apply: UNSAFE_URLS[formatIndex % UNSAFE_URLS.length], page: UNSAFE_URLS[(formatIndex + 7) % UNSAFE_URLS.length],
    listed: false,
  });
  return specs;
}

/** A feed in each format, built from the specs (shapes as in docs/feed-format.md). */
const FORMATS = {
  schema: (specs) => ({
    '@context': 'https://schema.org',
    '@type': 'ItemList',
    itemListElement: specs.map((s) => ({
      '@type': 'ListItem',
      item: {
        '@type': 'JobPosting',
        identifier: { '@type': 'PropertyValue', name: s.organization, value: s.id },
        title: s.title,
        description: s.html,
        datePosted: isoDate(-3),
        validThrough: isoDate(30),
        employmentType: [s.employment, 'FULL_TIME'],
        occupationalCategory: s.department,
        keywords: [s.tag, s.sectionTitle],
        hiringOrganization: {
          '@type': 'Organization', name: s.organization, url: s.organizationUrl,
          sameAs: [s.contactUrl, s.organizationUrl], logo: s.organizationUrl,
        },
        jobLocation: [
          { '@type': 'Place', address: { '@type': 'PostalAddress', addressLocality: s.locality, addressRegion: s.region, addressCountry: s.country } },
          { '@type': 'Place', name: s.remoteRegion },
          { '@type': 'Place', address: s.locality },
        ],
        jobLocationType: 'TELECOMMUTE',
        applicantLocationRequirements: { '@type': 'Country', name: s.remoteRegion },
        baseSalary: {
          '@type': 'MonetaryAmount', currency: s.currency,
          value: { '@type': 'QuantitativeValue', minValue: 40000, maxValue: 50000, unitText: s.period },
        },
        applicationContact: { '@type': 'ContactPoint', name: s.contactName, email: s.contactEmail, url: s.contactUrl },
        potentialAction: { '@type': 'ApplyAction', target: { '@type': 'EntryPoint', urlTemplate: s.apply } },
        url: s.page,
      },
    })),
  }),
  greenhouse: (specs) => ({
    jobs: specs.map((s, k) => ({
      id: s.id,
      internal_job_id: k,
      title: s.title,
      updated_at: `${isoDate(-2)}T10:00:00Z`,
      first_published: `${isoDate(-3)}T09:00:00Z`,
      location: { name: `${s.locality}, ${s.country}` },
      // Greenhouse has one link: the safe one, except for the opening that must be skipped.
      absolute_url: s.listed ? portal('greenhouse', k) : s.apply,
      company_name: s.organization,
      metadata: [
        { id: 1, name: 'Employment Type', value: s.employment, value_type: 'single_select' },
        { id: 2, name: 'Workplace', value: s.remoteRegion, value_type: 'short_text' },
        { id: 3, name: s.sectionTitle, value: s.tag, value_type: 'short_text' },
      ],
      // Greenhouse sends HTML escaped once: the raw payloads, and the same escaped.
      content: k % 2 ? s.html : escapeHtml(s.html),
      departments: [{ id: 5, name: s.department, child_ids: [], parent_id: null }],
      offices: [{ id: 7, name: s.region, location: s.locality, child_ids: [], parent_id: null }],
      pay_input_ranges: [{ min_cents: 4000000, max_cents: 5000000, currency_type: s.currency, title: s.region, blurb: s.tag }],
    })),
    meta: { total: specs.length },
  }),
  lever: (specs) => specs.map((s) => ({
    id: s.id,
    text: s.title,
    categories: {
      commitment: s.employment, department: s.department, location: s.locality, team: s.tag,
      allLocations: [s.locality, s.region],
    },
    country: s.country,
    workplaceType: s.remoteRegion,
    createdAt: Date.now() - 3 * 86_400_000,
    description: s.markdown ? '' : s.html,
    descriptionPlain: s.html,
    lists: [{ text: s.sectionTitle, content: `<li>${s.contactName}</li><li>${s.contactEmail}</li>` }],
    additional: s.organization,
    additionalPlain: s.organization,
    salaryRange: { currency: s.currency, interval: s.period, min: 40000, max: 50000 },
    salaryDescription: s.tag,
    hostedUrl: s.page,
    applyUrl: s.apply,
  })),
  ashby: (specs) => ({
    apiVersion: '1',
    jobs: specs.map((s) => ({
      id: s.id,
      title: s.title,
      organizationName: s.organization,
      department: s.department,
      team: s.tag,
      employmentType: s.employment,
      location: s.locality,
      secondaryLocations: [{ location: s.remoteRegion, address: { addressLocality: s.locality, addressRegion: s.region, addressCountry: s.country } }],
      publishedAt: `${isoDate(-3)}T09:00:00.000+00:00`,
      isListed: true,
      isRemote: true,
      workplaceType: s.remoteRegion,
      address: { postalAddress: { addressLocality: s.locality, addressRegion: s.region, addressCountry: s.country } },
      jobUrl: s.page,
      applyUrl: s.apply,
      descriptionHtml: s.markdown ? undefined : s.html,
      descriptionPlain: s.html,
      compensation: {
        compensationTierSummary: s.contactName,
        summaryComponents: [
          { compensationType: 'Salary', interval: s.period, currencyCode: s.currency, minValue: 40000, maxValue: 50000 },
        ],
      },
    })),
  }),
  jsonfeed: (specs) => ({
    version: 'https://jsonfeed.org/version/1.1',
    title: specs[0].organization,
    home_page_url: specs[0].organizationUrl,
    authors: [{ name: specs.at(-1).organization, url: specs.at(-1).organizationUrl }],
    items: specs.map((s) => ({
      id: s.id,
      url: s.page,
      external_url: s.contactUrl,
      title: s.title,
      ...(s.markdown ? { content_text: s.html } : { content_html: s.html }),
      summary: s.sectionTitle,
      date_published: `${isoDate(-3)}T09:00:00Z`,
      tags: [s.tag, s.department],
      _job: {
        organization: s.organization,
        organization_url: s.organizationUrl,
        locations: [{ locality: s.locality, region: s.region, country: s.country }, s.remoteRegion],
        workplace: s.employment,
        employment_type: [s.employment, 'PART_TIME'],
        department: s.department,
        salary: { min: 40000, max: 50000, currency: s.currency, period: s.period },
        valid_through: isoDate(30),
        apply_url: s.apply,
        contact_email: s.contactEmail,
        remote_regions: [s.remoteRegion],
      },
    })),
  }),
  smartrecruiters: (specs) => ({
    offset: 0,
    limit: 100,
    totalFound: specs.length,
    content: specs.map((s) => ({
      id: s.id,
      name: s.title,
      company: { identifier: s.contactName, name: s.organization },
      releasedDate: `${isoDate(-3)}T09:00:00.000Z`,
      location: { city: s.locality, region: s.region, country: s.country, remote: true },
      department: { label: s.department },
      function: { label: s.tag },
      experienceLevel: { label: s.remoteRegion },
      typeOfEmployment: { label: s.employment },
      ref: s.organizationUrl,
      postingUrl: s.page,
      applyUrl: s.apply,
      jobAd: {
        sections: {
          companyDescription: { title: s.sectionTitle, text: s.organization },
          jobDescription: { title: s.contactName, text: s.html },
          qualifications: { title: s.contactEmail, text: s.tag },
          additionalInformation: { title: s.currency, text: s.period },
        },
      },
    })),
  }),
  recruitee: (specs) => ({
    offers: specs.map((s, k) => ({
      id: s.id,
      slug: s.contactName,
      title: s.title,
      company_name: s.organization,
      status: 'published',
      location: s.remoteRegion,
      city: s.locality,
      country: s.country,
      state_name: s.region,
      locations: k % 2 ? [{ city: s.locality, state: s.region, country: s.country }] : [],
      remote: true,
      hybrid: k % 2 === 0,
      employment_type_code: s.employment,
      department: s.department,
      tags: [s.tag, s.sectionTitle],
      published_at: `${isoDate(-3)} 08:00:00 UTC`,
      close_at: `${isoDate(30)} 23:59:00 UTC`,
      description: s.html,
      requirements: s.markdown ? s.contactEmail : `<ul><li>${s.contactEmail}</li></ul>`,
      careers_url: s.page,
      careers_apply_url: s.apply,
      salary: { min: '3200.00', max: '4100.00', currency: s.currency, period: s.period },
    })),
  }),
};

function escapeHtml(s) {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Where each format's feed is served (Lever's names the site in its path, hostile too). */
const feedPath = {
  lever: `/xss/v0/postings/${encodeURIComponent('<img src=x onerror=alert(1)>')}`,
};

/**
 * Everything wrong with the page right now, as a list of sentences (empty
 * when all is well): dangerous elements or attributes in the board's shadow
 * root, rich text outside the allow-list, links with other schemes, and
 * anything the board added to the host document beyond one JobPosting.
 * `options`: the number of the host page's own scripts, or `{ scripts,
 * rendered }` for a board `openings render` wrote for the widget at origin
 * `rendered`, whose one stylesheet link (that widget's `openings.css`) and
 * titles' deep links (`?openings-main=…`, on the page itself) are its own.
 */
function findTrouble(options) {
  const { scripts: hostScriptCount, rendered = false } = typeof options === 'number' ? { scripts: options } : options;
  const trouble = [];
  const el = document.querySelector('openings-board');
  const root = el.shadowRoot;
  const FORBIDDEN = 'script, iframe, frame, frameset, object, embed, applet, svg, math, img, image, picture, video, '
    + 'audio, source, track, style, link, meta, base, form, template, noscript, textarea, marquee, [srcdoc], [style], '
    + '[formaction], [xlink\\:href], [src], [background], [poster], [action], [data]';
  const ownStylesheet = (node) => rendered && node.matches('link[rel="stylesheet"][data-openings-snapshot]')
    && node.attributes.length === 3 && node.href === `${rendered}/openings.css`;
  for (const bad of root.querySelectorAll(FORBIDDEN)) {
    if (!ownStylesheet(bad)) trouble.push(`forbidden in the board: ${bad.outerHTML.slice(0, 160)}`);
  }
  for (const node of root.querySelectorAll('*')) {
    for (const attr of node.attributes) {
      if (/^on/i.test(attr.name)) trouble.push(`event handler attribute ${attr.name} on <${node.localName}>`);
    }
  }
  for (const node of root.querySelectorAll('[href]')) {
    const raw = node.getAttribute('href');
    if (rendered && /^\?openings-main=open:[^#]*$/.test(raw)) continue;
    const scheme = new URL(raw, document.baseURI).protocol;
    if (!/^(https?|mailto):/i.test(raw.trim()) || !['http:', 'https:', 'mailto:'].includes(scheme)) {
      trouble.push(`link with scheme ${scheme}: ${raw.slice(0, 120)}`);
    }
  }
  const ALLOWED = new Set(['p', 'br', 'ul', 'ol', 'li', 'strong', 'em', 'h4', 'h5', 'h6', 'blockquote', 'code', 'pre',
    'table', 'thead', 'tbody', 'tr', 'th', 'td', 'a']);
  for (const text of root.querySelectorAll('.rich-text')) {
    if (text.attributes.length !== 1) trouble.push(`the rich text container has attributes: ${[...text.attributes].map((a) => a.name)}`);
    for (const node of text.querySelectorAll('*')) {
      if (!ALLOWED.has(node.localName)) trouble.push(`<${node.localName}> in rich text`);
      const names = [...node.attributes].map((a) => a.name);
      const allowed = node.localName === 'a' ? ['href', 'target', 'rel'] : [];
      for (const name of names) if (!allowed.includes(name)) trouble.push(`attribute ${name} on <${node.localName}> in rich text`);
      if (node.localName === 'a' && !/\bnoopener\b/.test(node.getAttribute('rel') ?? '')) trouble.push('a rich-text link without rel=noopener');
    }
  }
  // The host document: its own scripts, and at most the one JobPosting.
  const scripts = [...document.querySelectorAll('script')];
  const postings = scripts.filter((s) => s.type === 'application/ld+json');
  if (scripts.length - postings.length !== hostScriptCount) trouble.push(`${scripts.length - postings.length} scripts in the host document, ${hostScriptCount} expected`);
  if (postings.length > 1) trouble.push(`${postings.length} JobPosting scripts in the host document`);
  for (const p of postings) {
    try {
      const json = JSON.parse(p.textContent);
      if (json['@type'] !== 'JobPosting') trouble.push(`JSON-LD of @type ${json['@type']}`);
      // What a search engine reads: links of safe schemes only, and the
      // description sanitized as in the board (parsed inertly here).
      const walk = (value, key) => {
        if (Array.isArray(value)) value.forEach((v) => walk(v, key));
        else if (value && typeof value === 'object') Object.entries(value).forEach(([k, v]) => walk(v, k));
        else if (['url', 'urlTemplate', 'sameAs', 'logo', 'contentUrl', 'target'].includes(key)
          && !/^(https?|mailto):/i.test(String(value))) trouble.push(`JSON-LD ${key}: ${String(value).slice(0, 80)}`);
      };
      walk(json);
      const inert = new DOMParser().parseFromString(json.description ?? '', 'text/html');
      for (const node of inert.body.querySelectorAll('*')) {
        if (!['p', 'br', 'ul', 'ol', 'li', 'strong', 'em', 'h2', 'h3', 'h4', 'blockquote', 'code', 'pre', 'table', 'thead',
          'tbody', 'tr', 'th', 'td', 'a'].includes(node.localName)) trouble.push(`<${node.localName}> in the JSON-LD description`);
        for (const attr of node.attributes) {
          if (!(node.localName === 'a' && ['href', 'target', 'rel'].includes(attr.name))) trouble.push(`attribute ${attr.name} in the JSON-LD description`);
          else if (attr.name === 'href' && !/^(https?|mailto):/i.test(attr.value)) trouble.push(`a ${attr.value.slice(0, 40)} link in the JSON-LD description`);
        }
      }
    } catch (err) {
      trouble.push(`JSON-LD that is not JSON: ${err.message}`);
    }
    if (p.parentNode !== document.head || p.children.length) trouble.push('the JobPosting script is not a plain child of <head>');
    if (p.textContent.includes('<')) trouble.push('a raw "<" in the JobPosting (it could close the script element)');
  }
  for (const bad of document.querySelectorAll('iframe, object, embed, body svg, body img, base')) trouble.push(`forbidden in the host document: <${bad.localName}>`);
  const canaries = Object.keys(window).filter((k) => k.startsWith('__pwned'));
  if (canaries.length) trouble.push(`canaries set: ${canaries}`);
  return trouble;
}

/**
 * A session whose FEEDS/xss/ answers `body`, and the dialogs its pages
 * open (each dismissed): `{ s, dialogs }`.
 */
async function hostileSession(body) {
  const s = await visit(h, 'about:blank');
  const dialogs = [];
  s.page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    d.dismiss().catch(() => {});
  });
  await s.context.route((u) => u.href.startsWith(`${h.servers.feedsOrigin}/xss/`), (route) => route.fulfill({
    status: 200,
    headers: { 'access-control-allow-origin': '*', 'content-type': 'application/json; charset=utf-8' },
    body,
  }));
  return { s, dialogs };
}

// One story per format: the feed is built from the corpus, served from
// FEEDS, and read by a board with the `seo` attribute (so the JobPosting
// JSON-LD of each hostile opening goes into the host document too).
Object.keys(FORMATS).forEach((format, formatIndex) => {
  test(`hostile ${format} feed: nothing runs and nothing dangerous reaches the page`, { timeout: 90_000 }, async () => {
    const specs = hostileSpecs(format, formatIndex);
    const body = JSON.stringify(FORMATS[format](specs));
    const url = `${h.servers.feedsOrigin}${feedPath[format] ?? `/xss/${format}.json`}`;
    const listed = specs.filter((s) => s.listed);

    const { s, dialogs } = await hostileSession(body);
    await s.page.goto(h.servers.hostPage('attributes.html', {
      feed: `${format}:${url}`, seo: 'on', 'page-size': '200',
    }));
    const b = s.page.locator('openings-board');
    await eventually(async () => assert.equal(await b.locator('.listing').count(), listed.length,
      'every opening with a usable link is listed (and only those)'), { timeout: 15_000 });
    const hostScripts = await s.page.evaluate(() => document.querySelectorAll('script').length);

    // The skipped one is the one with nothing but unsafe links, and the board says so.
    const warning = await b.locator('.notice-warning').allTextContents();
    assert.ok(warning.some((w) => /\b1 entry\b/.test(w)), `no notice of the skipped entry: ${warning}`);
    assert.deepEqual(await s.page.evaluate(findTrouble, hostScripts), [], 'trouble in the list');

    for (let i = 0; i < listed.length; i++) {
      await b.locator('.listing .listing-title a').nth(i).click();
      await b.locator('.detail').waitFor();
      const trouble = await s.page.evaluate(findTrouble, hostScripts);
      const title = await b.locator('.detail-title').textContent();
      assert.deepEqual(trouble, [], `trouble in the detail view of "${title.trim().slice(0, 80)}"`);
      if (title.includes('Map Curator')) await assertOrdinaryRichText(b);
      // The hostile opening's JobPosting is in the head (so the check above covered it).
      await eventually(async () => assert.equal(
        await s.page.locator('head script[type="application/ld+json"]').count(), 1, 'no JobPosting for the open opening'));
      await b.locator('.detail-back').click();
      await b.locator('.listing').first().waitFor();
    }
    assert.deepEqual(dialogs, [], 'a payload opened a dialog');
    assert.deepEqual(await s.page.evaluate(() => Object.keys(window).filter((k) => k.startsWith('__pwned'))), []);
    await assertHostUnharmed(s);
    await s.close();
  });
});

// Proves `openings render` is as safe as the live board with the same
// hostile feeds. The rendered first page is written as text on the host by
// Yew's server renderer, which escapes as it writes, where the live board
// builds DOM nodes. With JavaScript on, nothing runs and nothing dangerous
// is there: first on a page without the widget's script (a reader whose
// script has not come, or is blocked), then when the live board takes over.
Object.keys(FORMATS).forEach((format, formatIndex) => {
  test(`hostile ${format} feed written into the page by openings render: nothing runs, before the live board or after`, { timeout: 90_000 }, async () => {
    const specs = hostileSpecs(format, formatIndex);
    const body = JSON.stringify(FORMATS[format](specs));
    const url = `${h.servers.feedsOrigin}${feedPath[format] ?? `/xss/${format}.json`}`;
    const listed = specs.filter((s) => s.listed);
    const dir = mkdtempSync(join(tmpdir(), 'openings-xss-render-'));
    try {
      const file = join(dir, 'feed.json');
      writeFileSync(file, body);
      h.servers.setRendered(await openingsRender(h, [`${format}:${file}`, '--feed-url', `${format}:${url}`, '--attr', 'page-size=200']));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }

    const { s, dialogs } = await hostileSession(body);
    const b = s.page.locator('openings-board');
    const rendered = () => b.evaluate((el) => el.shadowRoot.querySelectorAll('[data-openings-snapshot]').length);

    await s.page.goto(h.servers.hostPage('rendered.html', { nowidget: '1' }));
    assert.equal(await rendered(), 2, 'the rendered board is there');
    assert.equal(await b.locator('.listing').count(), listed.length, 'every opening with a usable link is rendered (and only those)');
    const warning = await b.locator('.notice-warning').allTextContents();
    assert.ok(warning.some((w) => /\b1 entry\b/.test(w)), `no notice of the skipped entry: ${warning}`);
    let hostScripts = await s.page.evaluate(() => document.querySelectorAll('script').length);
    assert.deepEqual(await s.page.evaluate(findTrouble, { scripts: hostScripts, rendered: h.servers.widgetOrigin }), [], 'trouble in the rendered board');
    assert.equal(await s.page.locator('#after-board').evaluate((p) => p.previousElementSibling?.localName), 'openings-board',
      'the page after the board is still the page\'s own');

    await s.page.goto(h.servers.hostPage('rendered.html'));
    await eventually(async () => assert.equal(await rendered(), 0, 'the live board took over'), { timeout: 20_000 });
    await eventually(async () => assert.equal(await b.locator('.listing').count(), listed.length), { timeout: 15_000 });
    hostScripts = await s.page.evaluate(() => document.querySelectorAll('script').length);
    assert.deepEqual(await s.page.evaluate(findTrouble, hostScripts), [], 'trouble in the live board');
    assert.deepEqual(dialogs, [], 'a payload opened a dialog');
    assert.deepEqual(await s.page.evaluate(() => Object.keys(window).filter((k) => k.startsWith('__pwned'))), []);
    await assertHostUnharmed(s);
    await s.close();
  });
});

/** The ordinary description renders as rich text: paragraphs, strong, a list, a safe link. */
async function assertOrdinaryRichText(b) {
  const text = b.locator('.detail .rich-text');
  assert.equal((await text.locator('strong').first().textContent()).trim(), 'rare maps');
  assert.equal((await text.locator('em').first().textContent()).trim(), 'atlases');
  assert.deepEqual((await text.locator('ul').first().locator('> li').allTextContents()).map((t) => t.trim()),
    ['Catalogue new accessions', 'Answer reading-room questions']);
  const link = text.locator('a', { hasText: 'about the collection' });
  assert.equal(await link.getAttribute('href'), 'https://ok.example/about');
  assert.equal(await link.getAttribute('target'), '_blank');
  assert.match(await link.getAttribute('rel'), /\bnoopener\b/);
}

// JSON Feed's `content_text` is plain text, as its spec says: what looks
// like Markdown or HTML in it is shown as the characters it is — no list,
// no link (a javascript: one least of all), no image.
test('a JSON Feed in plain text shows its text as text, links and tags included', { timeout: 30_000 }, async () => {
  const text = `${ORDINARY_MARKDOWN}\n[click me](javascript:alert(1))\n\n<img src=x onerror=alert(1)>\n`;
  const feed = FORMATS.jsonfeed([{
    ...hostileSpecs('jsonfeed', 0)[0], id: 'md-1', title: 'Map Curator', apply: portal('md', 1), page: portal('md', 1),
    markdown: true, html: text,
  }]);
  const s = await visit(h, 'about:blank');
  await s.context.route((u) => u.href.startsWith(`${h.servers.feedsOrigin}/xss/`), (route) => route.fulfill({
    status: 200,
    headers: { 'access-control-allow-origin': '*', 'content-type': 'application/json' },
    body: JSON.stringify(feed),
  }));
  await s.page.goto(h.servers.hostPage('attributes.html', { feed: `jsonfeed:${h.servers.feedsOrigin}/xss/md.json` }));
  const b = s.page.locator('openings-board');
  await b.locator('.listing .listing-title a').click();
  await b.locator('.detail').waitFor();
  const rich = b.locator('.detail .rich-text');
  assert.equal(await rich.locator('a, img, ul, strong').count(), 0, 'nothing in the text became markup');
  const shown = await rich.textContent();
  assert.ok(shown.includes('[click me](javascript:alert(1))'), shown);
  assert.ok(shown.includes('<img src=x onerror=alert(1)>'), shown);
  assert.deepEqual(await s.page.evaluate(findTrouble, 2), []);
  await assertHostUnharmed(s);
  await s.close();
});

// Proves the checks above can fail: the same scan, on a board into which
// the test itself has slipped what a hostile feed must never get in, names
// every piece of it.
test('the checks see a planted handler, a javascript: link, an image and a canary', { timeout: 30_000 }, async () => {
  const s = await visit(h, h.servers.hostPage('attributes.html'));
  const b = s.page.locator('openings-board');
  await b.locator('.listing').first().waitFor({ timeout: 15_000 });
  await s.page.evaluate(() => {
    const root = document.querySelector('openings-board').shadowRoot;
    const planted = document.createElement('p');
    planted.className = 'rich-text';
    planted.innerHTML = '<a href="javascript:void 0" onclick="void 0">x</a><img alt=""><span>y</span>';
    root.append(planted);
    window.__pwned_test = 1;
  });
  const trouble = await s.page.evaluate(findTrouble, 2);
  const said = JSON.stringify(trouble);
  for (const expected of ['forbidden in the board: <img', 'event handler attribute onclick', 'link with scheme javascript:',
    '<span> in rich text', 'canaries set: __pwned_test']) {
    assert.ok(said.includes(expected), `the scan missed "${expected}": ${said}`);
  }
  // What only a rendered board may have, planted beside what it may not.
  await s.page.evaluate((widget) => {
    const root = document.querySelector('openings-board').shadowRoot;
    root.append(Object.assign(document.createElement('link'), { rel: 'stylesheet', href: 'https://evil.example/openings.css' }));
    const own = Object.assign(document.createElement('link'), { rel: 'stylesheet', href: `${widget}/openings.css` });
    own.setAttribute('data-openings-snapshot', '');
    root.append(own);
    root.append(Object.assign(document.createElement('a'), { href: '?openings-main=open:1', textContent: 'deep' }));
  }, h.servers.widgetOrigin);
  const rendered = JSON.stringify(await s.page.evaluate(findTrouble, { scripts: 2, rendered: h.servers.widgetOrigin }));
  assert.ok(rendered.includes('https://evil.example/openings.css'), `the stranger's stylesheet is named: ${rendered}`);
  assert.equal(rendered.match(/<link/g).length, 1, `only the stranger's stylesheet is named: ${rendered}`);
  assert.ok(!rendered.includes('openings-main=open:1'), `a deep link on the page is a rendered board's own: ${rendered}`);
  assert.ok(JSON.stringify(await s.page.evaluate(findTrouble, 2)).includes('openings-main=open:1'), 'but not a live board\'s');
  await s.close();
});
