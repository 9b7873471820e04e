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

  // An entry no browser's Origin can ever equal would answer 403 to every page of the site,
  // with nothing said at start.
  it.each(['app.example.com', 'localhost:5173', '*.example.com', ''])(
    'refuses the origin %j, which no request can match, naming it',
    (origin) => {
      const input = {
        projects: [
          { key: 'pk_a', readKey: 'r'.repeat(16), origins: ['https://app.example.com', origin] },
        ],
      }
      expect(() => readProjects(input, 'projects.json')).toThrow(
        `projects[0].origins[1]: expected an origin such as "https://app.example.com", "*" or "null", got ${JSON.stringify(origin)}`,
      )
    },
  )

  it.each(['*', 'null', 'http://localhost:5173', 'https://App.example.com/'])(
    'accepts the origin %j',
    (origin) => {
      const input = { projects: [{ key: 'pk_a', readKey: 'r'.repeat(16), origins: [origin] }] }
      expect(readProjects(input)[0]?.origins).toEqual([origin])
    },
  )

  it('refuses a file that is not JSON, naming it', async () => {
    await expect(loadProjectsFile('/nonexistent/projects.json')).rejects.toThrow(
      '/nonexistent/projects.json',
    )
  })

  // Node 20 says only "at position N": the operator fixing the file needs the line.
  it('says on which line the file stops being JSON', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sonde-projects-'))
    const path = join(dir, 'projects.json')
    await writeFile(path, '{\n  "projects": [],\n}\n')
    await expect(loadProjectsFile(path)).rejects.toThrow(/projects\.json: .*line 3 column 1/)
  })
})
