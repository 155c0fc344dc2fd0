/**
 * One way to set a bibliographic field: with its provenance. Extractors, the metadata finisher and later steps
 * (language detection, re-extraction) all go through `setField`, so no field changes without saying where it came
 * from, and a person's correction (`user`) is never overwritten by a machine.
 */
import type { FieldOrigin, FieldProvenance, Provenance, ProvenanceField } from '@shared/contract'
import type { ExtractedDocument } from '../types'

/** The document fields each provenance entry describes. */
type FieldValue = {
  title: string
  authors: string[]
  publishedAt: string | null
  source: string | null
  publisher: string | null
  language: string | null
  url: string | null
}
export type SettableField = keyof FieldValue

/** A candidate value for a field, with where it came from. */
export type Candidate<T> = FieldProvenance & { value: T }

export const candidate = <T>(
  value: T,
  origin: FieldOrigin,
  confidence: number,
  detail?: string,
): Candidate<T> => ({ value, origin, confidence, ...(detail ? { detail } : {}) })

type WithProvenance = Pick<ExtractedDocument, SettableField> & { provenance: Provenance }

/**
 * Set `field` to `value` with its provenance. Refused (returns false) when the current value is a person's
 * correction and the new one is not.
 */
export function setField<F extends SettableField>(
  doc: WithProvenance,
  field: F,
  value: FieldValue[F],
  provenance: FieldProvenance,
): boolean {
  const current = doc.provenance[field as ProvenanceField]
  if (current?.origin === 'user' && provenance.origin !== 'user') return false
  ;(doc as FieldValue)[field] = value
  doc.provenance[field as ProvenanceField] = {
    origin: provenance.origin,
    confidence: Math.max(0, Math.min(1, Math.round(provenance.confidence * 100) / 100)),
    ...(provenance.detail ? { detail: provenance.detail } : {}),
  }
  return true
}

/** The most confident usable candidate (ties: the earlier one). */
export function best<T>(
  candidates: (Candidate<T> | null | undefined)[],
  usable: (value: T) => boolean = (v) => v !== null && v !== undefined && v !== '',
): Candidate<T> | null {
  let chosen: Candidate<T> | null = null
  for (const c of candidates)
    if (c && usable(c.value) && (!chosen || c.confidence > chosen.confidence)) chosen = c
  return chosen
}

/** Set a field from the best candidate, if any. */
export function setBest<F extends SettableField>(
  doc: WithProvenance,
  field: F,
  candidates: (Candidate<FieldValue[F]> | null | undefined)[],
  usable?: (value: FieldValue[F]) => boolean,
): Candidate<FieldValue[F]> | null {
  const chosen = best(candidates, usable)
  if (chosen) setField(doc, field, chosen.value, chosen)
  return chosen
}
