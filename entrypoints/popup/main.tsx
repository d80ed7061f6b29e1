import { render } from 'preact';
import { PopupApp } from './popup-app';
import './style.css';

render(<PopupApp />, document.getElementById('app')!);
