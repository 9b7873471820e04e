/** A project: who may write (public key, origins) and who may read its results (read key). */
export interface Project {
  /** The public write key the SDK sends in each batch (`pk_…`). */
  key: string
  /** The secret that unlocks the stats API and dashboard; never sent to browsers of end users. */
  readKey: string
  name?: string
  /** Origins allowed to send and fetch config, as `https://app.example.com`; `*` allows any. */
  origins: string[]
  /** A revoked key is refused with 403, so clients stop retrying but the data stays. */
  revoked: boolean
}

/** A project as stored: the read key is kept only as a SHA-256 digest. */
export interface StoredProject {
  key: string
  name?: string
  readKeySha256: string
  origins: string[]
  revoked: boolean
  /**
   * How many times its data was erased (0 when not said): what a collector found stored of the
   * project is forgotten when it changes, as some of it may be gone.
   */
  erasures?: number
}

/** Finds projects by key; the app asks it on every request, so implementations cache. */
export interface ProjectLookup {
  find(key: string): Promise<StoredProject | null>
  /** Whether any live project accepts `origin`: preflight requests carry no key to look up. */
  allowsOrigin(origin: string): Promise<boolean>
}
