/**
 * The service review as a PDF a manager can hand to a customer (pdfkit): a title block with the
 * service, period and owner; availability against target; each section's figures in a table
 * with the previous period and the target, status in words; the agreements' compliance; the
 * breaches with their explanation; open problems and improvement actions. A4, page numbers, no images or fonts to load.
 */
import type { ServiceReview } from '../../contracts/reports.ts';

const RAG_WORDS = { green: 'On target', amber: 'Near target', red: 'Off target' } as const;
const RAG_FILL = { green: '#2b8a3e', amber: '#e67700', red: '#c92a2a' } as const;
const INK = '#1a1b1e';
const MUTED = '#5c5f66';
const RULE = '#dee2e6';
const ACCENT = '#1c4e80';

/** The standard PDF fonts write WinAnsi: arrows become "->", other characters outside it "?". */
const ansi = (text: string) => text.replaceAll('→', '->').replace(/[^\x20-\x7e\u00a0-\u00ff–—‘’“”…•€]/g, '?');

const day = (iso: string) =>
  new Date(iso).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });

export type PdfOptions = { compress?: boolean };

export async function renderServiceReviewPdf(r: ServiceReview, opts: PdfOptions = {}): Promise<Buffer> {
  // Loaded on the first document: most instances never render one.
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 56, left: 56, right: 56 },
    compress: opts.compress ?? true,
    bufferPages: true,
    info: {
      Title: `Service review: ${r.service.name}`,
      Author: 'Steward',
      Subject: `${day(r.from)} – ${day(new Date(new Date(r.to).getTime() - 1).toISOString())}`,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - 112;
  const left = 56;

  const ensure = (h: number) => {
    if (doc.y + h > doc.page.height - 72) doc.addPage();
  };
  const heading = (text: string) => {
    ensure(60);
    doc.moveDown(0.8).font('Helvetica-Bold').fontSize(14).fillColor(ACCENT).text(text, left, doc.y);
    doc
      .moveTo(left, doc.y + 2)
      .lineTo(left + width, doc.y + 2)
      .strokeColor(RULE)
      .lineWidth(1)
      .stroke();
    doc.moveDown(0.5).fillColor(INK);
  };
  /** A table: column widths as fractions of the text width; the header repeats after a page break. */
  const table = (
    columns: { title: string; share: number; align?: 'left' | 'right' }[],
    rows: string[][],
    status?: (i: number) => keyof typeof RAG_FILL | null,
  ) => {
    const widths = columns.map((c) => c.share * width);
    const drawRow = (cells: string[], bold: boolean, fill?: string) => {
      doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9);
      const h = Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: widths[i]! - 8 }))) + 8;
      ensure(h + (bold ? 20 : 0));
      const y = doc.y;
      if (fill) doc.rect(left, y, width, h).fill(fill);
      let x = left;
      cells.forEach((c, i) => {
        doc
          .fillColor(bold ? MUTED : INK)
          .text(ansi(c), x + 4, y + 4, { width: widths[i]! - 8, align: columns[i]!.align ?? 'left' });
        x += widths[i]!;
      });
      doc
        .moveTo(left, y + h)
        .lineTo(left + width, y + h)
        .strokeColor(RULE)
        .lineWidth(0.5)
        .stroke();
      doc.x = left;
      doc.y = y + h;
    };
    drawRow(
      columns.map((c) => c.title),
      true,
      '#f1f3f5',
    );
    rows.forEach((row, i) => {
      const s = status?.(i);
      drawRow(row, false);
      if (s) {
        // A status mark beside the row; the status is also in words in the row itself.
        doc.circle(left - 8, doc.y - 9, 3).fill(RAG_FILL[s]);
      }
    });
    doc.fillColor(INK).moveDown(0.3);
  };

  // Title block
  doc.rect(0, 0, doc.page.width, 120).fill(ACCENT);
  doc.fillColor('#ffffff').font('Helvetica').fontSize(11).text('Service review', left, 36);
  doc.font('Helvetica-Bold').fontSize(24).text(ansi(r.service.name), left, 54, { width });
  doc
    .font('Helvetica')
    .fontSize(11)
    .text(`${day(r.from)} – ${day(new Date(new Date(r.to).getTime() - 1).toISOString())}`, left, 88);
  doc.fillColor(INK).font('Helvetica').fontSize(10);
  doc.y = 140;
  if (r.service.description) doc.text(ansi(r.service.description), left, doc.y, { width });
  doc
    .fillColor(MUTED)
    .text(
      `Service owner: ${r.service.owner ?? 'not named'} · Prepared ${day(r.generatedAt)} by Steward`,
      left,
      doc.y + 4,
      { width },
    );

  heading('Availability');
  const a = r.availability;
  doc
    .font('Helvetica-Bold')
    .fontSize(20)
    .fillColor(a.met === false ? RAG_FILL.red : a.met ? RAG_FILL.green : INK)
    .text(`${a.percent.toFixed(3)} %`, left, doc.y);
  doc
    .font('Helvetica')
    .fontSize(10)
    .fillColor(INK)
    .text(
      a.target === null
        ? 'No availability target is agreed for this service.'
        : `Target ${a.target} % — ${a.met ? 'met' : 'not met'}. Outage time ${Math.round(a.outageSeconds / 60)} minutes, from major incidents on the service.`,
      { width },
    );
  if (a.outages.length)
    table(
      [
        { title: 'Major incident', share: 0.2 },
        { title: 'Title', share: 0.44 },
        { title: 'From', share: 0.18 },
        { title: 'To', share: 0.18 },
      ],
      a.outages.map((o) => [
        o.number,
        o.title,
        o.from.slice(0, 16).replace('T', ' '),
        o.to.slice(0, 16).replace('T', ' '),
      ]),
    );

  for (const s of r.sections) {
    heading(s.title);
    table(
      [
        { title: 'Measure', share: 0.4 },
        { title: 'This period', share: 0.17, align: 'right' },
        { title: 'Previous period', share: 0.17, align: 'right' },
        { title: 'Target', share: 0.13, align: 'right' },
        { title: 'Status', share: 0.13 },
      ],
      s.figures.map((f) => [
        f.label,
        f.formatted,
        f.previousFormatted,
        f.target ?? '',
        f.rag ? RAG_WORDS[f.rag] : '',
      ]),
      (i) => s.figures[i]!.rag,
    );
  }

  heading('Agreements');
  if (r.agreements.length === 0)
    doc.font('Helvetica').fontSize(10).text('No agreement clocks fell due in the period.');
  else
    table(
      [
        { title: 'Agreement', share: 0.34 },
        { title: 'Party', share: 0.2 },
        { title: 'Response', share: 0.23, align: 'right' },
        { title: 'Resolution', share: 0.23, align: 'right' },
      ],
      r.agreements.map((g) => [
        `${g.name} (${g.kind.toUpperCase()})`,
        g.party ?? 'All customers',
        g.response.compliance === null
          ? '—'
          : `${g.response.compliance.toFixed(1)} % (${g.response.met}/${g.response.due})`,
        g.resolution.compliance === null
          ? '—'
          : `${g.resolution.compliance.toFixed(1)} % (${g.resolution.met}/${g.resolution.due})`,
      ]),
    );

  heading('Breaches');
  if (r.breaches.length === 0)
    doc.font('Helvetica').fontSize(10).text('No target was breached in the period.');
  for (const b of r.breaches) {
    ensure(50);
    doc
      .font('Helvetica-Bold')
      .fontSize(10)
      .fillColor(INK)
      .text(ansi(`${b.number} — ${b.title}`), left, doc.y, { width });
    doc.font('Helvetica').fontSize(9).fillColor(MUTED);
    for (const line of b.explanation) doc.text(ansi(line), left + 10, doc.y, { width: width - 10 });
    doc.moveDown(0.4);
  }

  const records = (title: string, noun: string, none: string, rows: ServiceReview['problems']) => {
    heading(title);
    if (rows.length === 0) doc.font('Helvetica').fontSize(10).fillColor(INK).text(none);
    else
      table(
        [
          { title: noun, share: 0.2 },
          { title: 'Title', share: 0.6 },
          { title: 'State', share: 0.2 },
        ],
        rows.map((p) => [p.number, p.title, p.state.replace(/_/g, ' ')]),
      );
  };
  records('Problems', 'Problem', 'No problem was open on this service in the period.', r.problems);
  records(
    'Improvement actions',
    'Proposal',
    'No improvement proposal was open on this service in the period.',
    r.improvements,
  );

  const pages = doc.bufferedPageRange();
  for (let i = pages.start; i < pages.start + pages.count; i++) {
    doc.switchToPage(i);
    // The footer sits in the bottom margin; without this pdfkit would break to a new page.
    doc.page.margins.bottom = 0;
    doc
      .font('Helvetica')
      .fontSize(8)
      .fillColor(MUTED)
      .text(
        `${r.service.name} · service review · page ${i + 1} of ${pages.count}`,
        left,
        doc.page.height - 40,
        {
          width,
          align: 'center',
          lineBreak: false,
        },
      );
  }
  doc.end();
  return done;
}
