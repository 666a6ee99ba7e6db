import type { PdfReader } from '../ingest/pdf.js';
import { createPdfReaderPool } from '../ingest/pdf-pool.js';

/**
 * Runs `use` with PDFs read on a worker thread (started with the first PDF only): pdf.js failing
 * in a way no promise catches then ends that thread and that file, not the command and the other
 * files' output. Without the compiled worker (the sources under test) PDFs are read here.
 */
export async function withPdfReader<T>(use: (readPdf: PdfReader | undefined) => Promise<T>): Promise<T> {
  const pool = createPdfReaderPool(1);
  try {
    return await use(pool?.read);
  } finally {
    await pool?.close();
  }
}
