// The sign-in page's one enhancement: show or hide the typed password. Without script the
// button stays hidden and the form works the same.
const password = document.getElementById('password');
const reveal = document.getElementById('reveal-password');
if (password && reveal) {
  const show = (visible) => {
    password.type = visible ? 'text' : 'password';
    reveal.textContent = visible ? 'Hide' : 'Show';
    reveal.setAttribute('aria-label', visible ? 'Hide password' : 'Show password');
  };
  reveal.hidden = false;
  reveal.addEventListener('click', () => {
    show(password.type === 'password');
    password.focus();
  });
  // Sent as a password field, so the browser offers to save it as one.
  password.form.addEventListener('submit', () => show(false));
}
