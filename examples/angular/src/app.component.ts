import { Component, signal } from '@angular/core';
import { WorkspaceComponent, type User } from './workspace.component.js';

const ADA: User = { id: 'ada', name: 'Ada Lovelace' };

/** Signed in, the workspace and its Waymark instance exist; signing out destroys both. */
@Component({
  selector: 'orbit-app',
  imports: [WorkspaceComponent],
  template: `
    @if (user(); as current) {
      <orbit-workspace [user]="current" (signOut)="user.set(null)" />
    } @else {
      <main id="main" class="signed-out">
        <h1>You are signed out</h1>
        <p class="muted">The workspace was destroyed, and its Waymark instance with it.</p>
        <button type="button" class="button primary" (click)="user.set(ada)">Sign in as {{ ada.name }}</button>
      </main>
    }
  `,
})
export class AppComponent {
  readonly ada = ADA;
  readonly user = signal<User | null>(ADA);
}
