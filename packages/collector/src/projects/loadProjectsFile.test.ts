import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadProjectsFile, readProjects } from './loadProjectsFile'

describe('loadProjectsFile', () => {
  it('reads projects with defaults', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sonde-projects-'))
    const path = join(dir, 'projects.json')
    await writeFile(path, JSON.stringify({ projects: [{ key: 'pk_a', readKey: 'r'.repeat(16) }] }))
    expect(await loadProjectsFile(path)).toEqual([
      { key: 'pk_a', readKey: 'r'.repeat(16), origins: [], revoked: false },
    ])
  })

  it('names every invalid field', () => {
    const input = {
      projects: [
        { key: 'pk a', readKey: 'short', origins: 'x' },
        { key: 'pk_b', readKey: 'r'.repeat(16), revoked: 'yes' },
        { key: 'pk_b', readKey: 'r'.repeat(16) },
      ],
    }
    expect(() => readProjects(input, 'projects.json')).toThrow(
      [
        'projects.json:',
        '  projects[0].key: expected 1–128 letters, digits, _ or -',
        '  projects[0].readKey: expected a secret string of at least 16 characters',
        '  projects[0].origins: expected an array of origins',
        '  projects[1].revoked: expected true or false',
      ].join('\n'),
    )
  })

  it('refuses a file that is not JSON, naming it', async () => {
    await expect(loadProjectsFile('/nonexistent/projects.json')).rejects.toThrow(
      '/nonexistent/projects.json',
    )
  })
})
