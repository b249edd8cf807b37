import { useCallback, useEffect, useState } from 'react'
import type { ShareStatus } from '../../../../shared/api/channels/share'
import { call } from '../../api'
import { useAppData } from '../../app-data'

/** Settings → Share with other coaches: the club folder, this computer's name, and who has written. */
export function ShareSection() {
  const { refresh, changeCount } = useAppData()
  const [share, setShare] = useState<ShareStatus | null>(null)
  const [folder, setFolder] = useState('')
  const [name, setName] = useState('')
  const [message, setMessage] = useState('')
  const [error, setError] = useState('')
  const load = useCallback(async () => {
    try {
      const s = await call('getShareStatus')
      setShare(s)
      if (s.installName) setName(s.installName)
    } catch (e) {
      setError((e as Error).message)
    }
  }, [])
  useEffect(() => {
    void load()
  }, [load, changeCount])

  const act = async (fn: () => Promise<unknown>, done: string) => {
    setError('')
    setMessage('')
    try {
      await fn()
      setMessage(done)
      await load()
      await refresh()
    } catch (e) {
      setError((e as Error).message)
    }
  }

  return (
    <>
      <h2>Share with other coaches</h2>
      {share?.mode === 'club' ? (
        <>
          <p>
            This squad is shared through the club folder <code>{share.clubFolder}</code>. Your sync tool (Syncthing, Dropbox, OneDrive, a network share…) moves the files; every
            coach’s changes are merged, entry by entry, and appear here within seconds.
          </p>
          <table>
            <caption>Coaches who have written to this folder</caption>
            <thead>
              <tr>
                <th scope="col">Computer</th>
                <th scope="col">Last change</th>
              </tr>
            </thead>
            <tbody>
              {share.installations.map((i) => (
                <tr key={i.installId}>
                  <td>
                    {i.name}
                    {i.thisComputer ? ' (this computer)' : ''}
                  </td>
                  <td>{i.lastWriteAt ? new Date(i.lastWriteAt).toLocaleString() : 'nothing yet'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <form
            aria-label="Rename this computer"
            onSubmit={(e) => {
              e.preventDefault()
              void act(() => call('renameInstallation', { installName: name }), 'Name saved.')
            }}
          >
            <label>
              Name of this computer
              <input value={name} onChange={(e) => setName(e.target.value)} maxLength={120} />
            </label>
            <button type="submit">Save name</button>
          </form>
          <button type="button" onClick={() => void act(() => call('stopSharing'), 'Sharing stopped on this computer; your own squad from before sharing is open again.')}>
            Stop sharing on this computer
          </button>
        </>
      ) : (
        <form
          aria-label="Share with other coaches"
          onSubmit={(e) => {
            e.preventDefault()
            void act(() => call('shareSquad', { folder, installName: name }), 'Your squad is now shared through the club folder.')
          }}
        >
          <p className="muted">
            Choose a folder your sync tool keeps in step between the coaches’ computers. Your squad is copied into it (a backup is taken first; your own data folder stays as it
            is). If other coaches already use the folder, the squads are merged.
          </p>
          <label>
            Club folder
            <input value={folder} onChange={(e) => setFolder(e.target.value)} maxLength={1000} />
          </label>
          <button
            type="button"
            onClick={() =>
              void call('chooseClubFolder')
                .then((r) => r.path && setFolder(r.path))
                .catch((e: Error) => setError(e.message))
            }
          >
            Choose folder…
          </button>
          <label>
            Name of this computer
            <input value={name} onChange={(e) => setName(e.target.value)} maxLength={120} placeholder="e.g. Sam’s laptop" />
          </label>
          <button type="submit">Share this squad</button>
        </form>
      )}
      {message && (
        <p role="status" className="ok">
          {message}
        </p>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </>
  )
}
