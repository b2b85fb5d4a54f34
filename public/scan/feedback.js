// What a scan sounds and feels like: a short high beep for a good one, two low ones for a
// problem (Web Audio, which may only start after a tap), and a buzz where the phone can.

let audio = null;

/** Web Audio may only start after a tap: call this from the first one. */
export function unlockSound() {
  try {
    audio ??= new AudioContext();
    if (audio.state === 'suspended') audio.resume();
  } catch (_) {
    audio = null;
  }
}

/** A short high beep for a good scan, two low ones for a problem; a buzz where the phone can. */
export function signal(good) {
  navigator.vibrate?.(good ? 60 : [90, 60, 90]);
  if (!audio) return;
  const tones = good ? [[1320, 0, 0.08]] : [[330, 0, 0.12], [330, 0.18, 0.12]];
  for (const [hz, at, len] of tones) {
    const osc = audio.createOscillator();
    const gain = audio.createGain();
    osc.frequency.value = hz;
    gain.gain.value = 0.2;
    osc.connect(gain).connect(audio.destination);
    osc.start(audio.currentTime + at);
    osc.stop(audio.currentTime + at + len);
  }
}
